package org.milepost.common.security;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: a signed-in person or script (OIDC), or an anonymous visitor. */
@RequestScoped
public class CurrentUser {

    public static final String ADMIN_ROLE = "admin";

    private final SecurityIdentity identity;
    private String displayName;

    @Inject
    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    /** The identity provider's subject ({@code sub}), stable across renames. */
    public String subject() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public boolean isAdmin() {
        return !identity.isAnonymous() && identity.hasRole(ADMIN_ROLE);
    }

    public java.util.Set<String> roles() {
        return identity.getRoles();
    }

    /** The name people know the caller by ({@code name}, else {@code preferred_username}, else the subject). */
    public String displayName() {
        if (displayName == null) {
            String name = claim("name");
            if (name == null) {
                name = claim("preferred_username");
            }
            displayName = name != null ? name : subject();
        }
        return displayName;
    }

    public String email() {
        return claim("email");
    }

    /** Provider groups (Keycloak's {@code groups} claim with full paths), used for optional role mapping. */
    public java.util.Set<String> providerGroups() {
        Principal principal = identity.isAnonymous() ? null : identity.getPrincipal();
        if (principal instanceof JsonWebToken jwt && jwt.getGroups() != null) {
            return jwt.getGroups();
        }
        return java.util.Set.of();
    }

    private String claim(String name) {
        Principal principal = identity.isAnonymous() ? null : identity.getPrincipal();
        if (principal instanceof OidcJwtCallerPrincipal oidc) {
            // The token's claims as parsed. JsonWebToken.getClaim would first look the name up among the standard
            // claims' enum, which throws (and fills a stack trace) for names such as "name": ~2% of a card create's
            // CPU when every write asked for the display name twice (profile of bench S3).
            Object value = oidc.getClaims().getClaimValue(name);
            return value == null ? null : value.toString();
        }
        if (principal instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            return value == null ? null : value.toString().replaceAll("^\"|\"$", "");
        }
        return null;
    }
}
