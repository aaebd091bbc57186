package org.milepost.demo;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.milepost.roadmap.RoadmapDocument;
import org.milepost.roadmap.RoadmapMarkdownParser;
import org.milepost.roadmap.RoadmapService;
import org.milepost.workinggroup.Visibility;
import org.milepost.workinggroup.WorkingGroupRepository;

/**
 * The four public planning documents of {@code ../shared/seeds} (copied byte for byte into
 * {@code src/main/resources/demo/}) as four PUBLIC demo groups, imported through the same parser and importer as any
 * document. Loaded at start-up when {@code milepost.demo-data.enabled=true} (only the {@code %dev} profile sets it)
 * and the database has no working group yet; never in production, whatever the configuration says.
 *
 * <p>Mozilla's lifecycle page names no months: its group gets the importer's default plan (six months from the
 * current one) and its checklist waits in the backlog, ready to be scheduled.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    /** A seed document, the slug of its demo group and a name when the document's own title is a page title. */
    public record Seed(String resource, String slug, String name) {}

    public static final List<Seed> SEEDS = List.of(
            new Seed("demo/cardano-working-group-milestones.md", "cardano-core-infra-roadmap", null),
            new Seed("demo/community-roadmap-2021-phases.md", "community-roadmap-2021", null),
            new Seed("demo/drutopia-six-month-plan.txt", "drutopia-six-month-plan", "Drutopia six-month plan"),
            new Seed(
                    "demo/mozilla-contribution-lifecycle.txt",
                    "mozilla-contribution-growth",
                    "Mozilla Contribute: learning and preparing for growth"));

    private final DemoDataConfig config;
    private final RoadmapService roadmaps;
    private final WorkingGroupRepository groups;
    private final RoadmapMarkdownParser parser = new RoadmapMarkdownParser();

    @Inject
    public DemoData(DemoDataConfig config, RoadmapService roadmaps, WorkingGroupRepository groups) {
        this.config = config;
        this.roadmaps = roadmaps;
        this.groups = groups;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        if (!LaunchMode.current().isDevOrTest()) {
            LOG.warn("milepost.demo-data.enabled is ignored in production: demo data is never loaded there");
            return;
        }
        try {
            List<String> loaded = loadIfEmpty();
            if (!loaded.isEmpty()) {
                LOG.infof("Demo data: loaded %s, chaired by '%s'", loaded, config.chairSubject());
            }
        } catch (RuntimeException e) {
            // Another instance may have loaded them at the same moment; the app starts anyway.
            LOG.warnf("Demo data not loaded: %s", e.getMessage());
        }
    }

    /** Loads the demo groups if the database has no working group; returns their slugs (empty if it had some). */
    @Transactional
    public List<String> loadIfEmpty() {
        if (groups.count() > 0) {
            return List.of();
        }
        return load();
    }

    /** Imports the four seed documents as PUBLIC groups chaired by the configured subject, all or nothing. */
    @Transactional
    public List<String> load() {
        RoadmapService.Actor chair = new RoadmapService.Actor(config.chairSubject(), config.chairName(), null);
        List<String> slugs = new ArrayList<>();
        for (Seed seed : SEEDS) {
            RoadmapDocument doc = parser.parse(read(seed.resource()));
            slugs.add(roadmaps.createGroup(doc, seed.slug(), Visibility.PUBLIC, seed.name(), chair)
                    .group()
                    .slug);
        }
        return slugs;
    }

    static byte[] read(String resource) {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing demo document " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
