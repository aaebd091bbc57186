package io.quarkus.smallrye.openapi.runtime;

import io.quarkus.arc.Unremovable;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.quarkus.smallrye.openapi.runtime.filter.AutoSecurityFilter;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the served OpenAPI document ({@code /q/openapi}) when it is first asked for instead of during start-up
 * (ADR 0020).
 *
 * <p>Quarkus 3.34 writes the document at build time, and at every start reads it back into a model, runs the runtime
 * filters (our {@code ProblemResponses}) and writes it out again as JSON and as YAML: 0.2-0.25 s of the start-up on two
 * cores, for a document that scripts fetch now and then. Quarkus's {@code OpenApiRecorder} calls
 * {@link #prepareDocument} during start-up; this bean, preferred over the extension's own, remembers the arguments and
 * does the work on the first {@link #getDocument} call (once per document, the first caller waits). Upstream made the
 * same change (quarkusio/quarkus#55538, in a release this mirror does not serve); remove this class on upgrading to it.
 *
 * <p>It lives in the extension's package because {@code prepareDocument} is package-private, and it only exists in the
 * production build ({@code @IfBuildProfile("prod")}): there one class loader loads the application and the extension,
 * so the override applies. Dev mode and the {@code @QuarkusTest}s load them with different class loaders, where neither
 * the override nor the inherited injection would work; they keep the extension's own bean. {@code OpenApiDocumentIT}
 * checks the packaged app.
 */
@Alternative
@Priority(1)
@ApplicationScoped
@Unremovable // only looked up by type, through Arc.container(), never injected
@IfBuildProfile("prod")
public class DeferredOpenApiDocumentService extends OpenApiDocumentService {

    /** The start-up call of each document not built yet, by document name (guarded by {@code this}). */
    private final Map<String, Runnable> pending = new HashMap<>();

    @Override
    synchronized void prepareDocument(
            AutoSecurityFilter autoSecurityFilter,
            Map<OpenApiFilter.RunStage, List<String>> filters,
            String documentName) {
        pending.put(documentName, () -> super.prepareDocument(autoSecurityFilter, filters, documentName));
    }

    @Override
    public byte[] getDocument(String documentName, Format format) {
        synchronized (this) {
            Runnable build = pending.remove(documentName);
            if (build != null) {
                build.run();
            }
        }
        return super.getDocument(documentName, format);
    }
}
