package org.milepost.common.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.milepost.common.error.ProblemException;
import org.milepost.member.GroupRole;
import org.milepost.member.MemberRepository;
import org.milepost.workinggroup.Visibility;
import org.milepost.workinggroup.WorkingGroup;

/**
 * Who may do what in a working group (ADR 0005). Instance admins may do anything; chairs manage members and
 * settings; members edit the plan; observers and signed-in non-members read; anonymous visitors read PUBLIC
 * groups only. A MEMBERS group answers 404 to outsiders, so its existence is not revealed.
 *
 * <p>Roles are looked up on every request (cached for that request only), so removing a member takes effect on
 * their next request.
 */
@RequestScoped
public class GroupAccess {

    private final CurrentUser user;
    private final MemberRepository members;
    private final Optional<String> providerGroupPrefix;
    private final Map<Long, Optional<GroupRole>> roles = new HashMap<>();

    @Inject
    public GroupAccess(
            CurrentUser user,
            MemberRepository members,
            @ConfigProperty(name = "milepost.security.provider-group-prefix") Optional<String> providerGroupPrefix) {
        this.user = user;
        this.members = members;
        this.providerGroupPrefix = providerGroupPrefix.filter(p -> !p.isBlank());
    }

    /** The caller's role in the group: the stronger of Milepost's membership and a mapped provider group. */
    public Optional<GroupRole> roleIn(WorkingGroup group) {
        if (user.isAnonymous()) {
            return Optional.empty();
        }
        return roles.computeIfAbsent(
                group.id,
                id -> strongest(
                        members.findByGroupAndSubject(id, user.subject()).map(m -> m.role), group.slug));
    }

    /**
     * The caller's membership of the group, read together with the group ({@code stored} empty: not a member), so
     * that {@link #roleIn} does not look it up again during this request.
     */
    public void membershipRead(WorkingGroup group, Optional<GroupRole> stored) {
        if (!user.isAnonymous()) {
            roles.put(group.id, strongest(stored, group.slug));
        }
    }

    private Optional<GroupRole> strongest(Optional<GroupRole> stored, String slug) {
        Optional<GroupRole> mapped = mappedRole(slug);
        if (stored.isEmpty()) {
            return mapped;
        }
        if (mapped.isEmpty()) {
            return stored;
        }
        return Optional.of(stored.get().ordinal() <= mapped.get().ordinal() ? stored.get() : mapped.get());
    }

    public boolean canRead(WorkingGroup group) {
        return group.visibility == Visibility.PUBLIC
                || user.isAdmin()
                || roleIn(group).isPresent();
    }

    public boolean canEdit(WorkingGroup group) {
        return user.isAdmin() || roleIn(group).map(GroupRole::canEdit).orElse(false);
    }

    public boolean canManage(WorkingGroup group) {
        return user.isAdmin() || roleIn(group).map(r -> r == GroupRole.CHAIR).orElse(false);
    }

    public void requireRead(WorkingGroup group) {
        if (!canRead(group)) {
            throw ProblemException.notFound("No working group '" + group.slug + "'");
        }
    }

    public void requireEdit(WorkingGroup group) {
        requireRead(group);
        requireSignedIn();
        if (!canEdit(group)) {
            throw ProblemException.forbidden("Only members of '" + group.slug + "' may change its plan");
        }
    }

    public void requireManage(WorkingGroup group) {
        requireRead(group);
        requireSignedIn();
        if (!canManage(group)) {
            throw ProblemException.forbidden("Only chairs of '" + group.slug + "' may change its members and settings");
        }
    }

    public void requireAdmin() {
        requireSignedIn();
        if (!user.isAdmin()) {
            throw ProblemException.forbidden("Only instance administrators may do this");
        }
    }

    public void requireSignedIn() {
        if (user.isAnonymous()) {
            throw ProblemException.unauthorized("Sign in, or send a valid bearer token");
        }
    }

    private Optional<GroupRole> mappedRole(String slug) {
        if (providerGroupPrefix.isEmpty()) {
            return Optional.empty();
        }
        String base = providerGroupPrefix.get() + slug + "/";
        GroupRole best = null;
        for (String providerGroup : user.providerGroups()) {
            GroupRole role =
                    switch (providerGroup.startsWith(base) ? providerGroup.substring(base.length()) : "") {
                        case "chairs" -> GroupRole.CHAIR;
                        case "members" -> GroupRole.MEMBER;
                        case "observers" -> GroupRole.OBSERVER;
                        default -> null;
                    };
            if (role != null && (best == null || role.ordinal() < best.ordinal())) {
                best = role;
            }
        }
        return Optional.ofNullable(best);
    }
}
