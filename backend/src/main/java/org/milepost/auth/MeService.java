package org.milepost.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.milepost.auth.dto.Me;
import org.milepost.common.security.CurrentUser;
import org.milepost.common.security.GroupAccess;
import org.milepost.member.Member;
import org.milepost.member.MemberRepository;
import org.milepost.workinggroup.WorkingGroup;
import org.milepost.workinggroup.WorkingGroupRepository;

/** Who the caller is: instance roles and group memberships, both Milepost's own and those mapped from provider groups. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MeService {

    private static final Set<String> MAPPED_ROLES = Set.of("chairs", "members", "observers");

    private final CurrentUser user;
    private final GroupAccess access;
    private final MemberRepository members;
    private final WorkingGroupRepository groups;
    private final Optional<String> providerGroupPrefix;

    @Inject
    public MeService(
            CurrentUser user,
            GroupAccess access,
            MemberRepository members,
            WorkingGroupRepository groups,
            @ConfigProperty(name = "milepost.security.provider-group-prefix") Optional<String> providerGroupPrefix) {
        this.user = user;
        this.access = access;
        this.members = members;
        this.groups = groups;
        this.providerGroupPrefix = providerGroupPrefix.filter(p -> !p.isBlank());
    }

    public Me me() {
        if (user.isAnonymous()) {
            return Me.ANONYMOUS;
        }
        List<String> roles = user.roles().stream()
                .filter(role -> !role.startsWith("/")) // provider group paths are memberships, not instance roles
                .sorted()
                .toList();
        return new Me(true, user.subject(), user.displayName(), user.email(), roles, memberships());
    }

    private List<Me.Membership> memberships() {
        Set<Long> ids = new HashSet<>();
        for (Member member : members.listBySubject(user.subject())) {
            ids.add(member.groupId);
        }
        Set<String> slugs = mappedSlugs();
        List<WorkingGroup> candidates = new ArrayList<>();
        if (!ids.isEmpty()) {
            candidates.addAll(groups.list("id in ?1", ids));
        }
        if (!slugs.isEmpty()) {
            groups.list("slug in ?1", slugs).stream()
                    .filter(g -> !ids.contains(g.id))
                    .forEach(candidates::add);
        }
        return candidates.stream()
                .sorted(Comparator.comparing((WorkingGroup g) -> g.name.toLowerCase())
                        .thenComparing(g -> g.slug))
                .flatMap(g -> access.roleIn(g).map(role -> new Me.Membership(g.slug, g.name, role.name())).stream())
                .toList();
    }

    /** Slugs named by provider groups {@code <prefix><slug>/chairs|members|observers}. */
    private Set<String> mappedSlugs() {
        Set<String> slugs = new HashSet<>();
        if (providerGroupPrefix.isEmpty()) {
            return slugs;
        }
        String prefix = providerGroupPrefix.get();
        for (String providerGroup : user.providerGroups()) {
            if (providerGroup.startsWith(prefix)) {
                String rest = providerGroup.substring(prefix.length());
                int slash = rest.indexOf('/');
                if (slash > 0 && MAPPED_ROLES.contains(rest.substring(slash + 1))) {
                    slugs.add(rest.substring(0, slash));
                }
            }
        }
        return slugs;
    }
}
