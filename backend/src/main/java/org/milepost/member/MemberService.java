package org.milepost.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.milepost.calendar.CalendarLinkRepository;
import org.milepost.common.error.ProblemException;
import org.milepost.common.security.CurrentUser;
import org.milepost.common.security.GroupAccess;
import org.milepost.common.web.Versions;
import org.milepost.history.EntityType;
import org.milepost.history.Fields;
import org.milepost.history.HistoryRecorder;
import org.milepost.member.dto.MemberRequest;
import org.milepost.member.dto.MemberUpdate;
import org.milepost.member.dto.MemberView;
import org.milepost.workinggroup.WorkingGroup;
import org.milepost.workinggroup.WorkingGroupService;

/**
 * Who belongs to a group and in which role. Chairs (and admins) manage the list; a group always keeps at least one
 * chair. Changes to one group's members are serialized, so two chairs demoting each other at once cannot leave the
 * group without one.
 */
@ApplicationScoped
@Transactional
public class MemberService {

    private final MemberRepository members;
    private final WorkingGroupService groups;
    private final GroupAccess access;
    private final CurrentUser user;
    private final EntityManager em;
    private final HistoryRecorder history;
    private final CalendarLinkRepository calendarLinks;

    @Inject
    public MemberService(
            MemberRepository members,
            WorkingGroupService groups,
            GroupAccess access,
            CurrentUser user,
            EntityManager em,
            HistoryRecorder history,
            CalendarLinkRepository calendarLinks) {
        this.members = members;
        this.groups = groups;
        this.access = access;
        this.user = user;
        this.em = em;
        this.history = history;
        this.calendarLinks = calendarLinks;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MemberView> list(String slug) {
        WorkingGroup group = groups.findReadable(slug);
        boolean showEmail = maySeeEmails(group);
        return members.listByGroup(group.id).stream()
                .map(m -> MemberView.of(m, showEmail))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MemberView get(String slug, long id) {
        WorkingGroup group = groups.findReadable(slug);
        return MemberView.of(find(group, id), maySeeEmails(group));
    }

    public MemberView create(String slug, MemberRequest request) {
        WorkingGroup group = groups.findManageable(slug);
        lockMembersOf(group);
        if (members.findByGroupAndSubject(group.id, request.subject()).isPresent()) {
            throw ProblemException.conflict("'" + request.subject() + "' is already a member of '" + group.slug
                    + "'; change their role instead");
        }
        Member member = new Member();
        member.groupId = group.id;
        member.subject = request.subject();
        member.displayName = request.displayName().strip();
        member.email = request.email() == null || request.email().isBlank()
                ? null
                : request.email().strip();
        member.role = request.role();
        member.createdAt = Instant.now();
        members.persist(member);
        members.flush();
        history.created(
                group.id, EntityType.MEMBER, member.id, member.version, member.displayName, null, fields(member));
        return MemberView.of(member, true);
    }

    public MemberView update(String slug, long id, MemberUpdate request, String ifMatch) {
        WorkingGroup group = groups.findManageable(slug);
        int expected = Versions.expected(request.version(), ifMatch);
        lockMembersOf(group);
        Member member = find(group, id);
        if (expected != member.version) {
            throw ProblemException.stale(
                    "The membership was changed by someone else (now version " + member.version + ")",
                    MemberView.of(member, true));
        }
        if (member.role == GroupRole.CHAIR && request.role() != GroupRole.CHAIR) {
            requireAnotherChair(group, member, "demoted");
        }
        Map<String, Object> before = fields(member);
        member.displayName = request.displayName().strip();
        member.role = request.role();
        members.flush();
        history.updated(
                group.id,
                EntityType.MEMBER,
                member.id,
                member.version,
                member.displayName,
                null,
                before,
                fields(member));
        return MemberView.of(member, true);
    }

    public void delete(String slug, long id, String ifMatch) {
        WorkingGroup group = groups.findManageable(slug);
        lockMembersOf(group);
        Member member = find(group, id);
        if (ifMatch != null && !ifMatch.isBlank() && Versions.expected(null, ifMatch) != member.version) {
            throw ProblemException.stale(
                    "The membership was changed by someone else (now version " + member.version + ")",
                    MemberView.of(member, true));
        }
        if (member.role == GroupRole.CHAIR) {
            requireAnotherChair(group, member, "removed");
        }
        Map<String, Object> last = fields(member);
        members.delete(member);
        members.flush();
        // Their secret calendar links die with their membership (ADR 0012).
        calendarLinks.revokeAll(group.id, member.subject);
        history.deleted(group.id, EntityType.MEMBER, member.id, member.displayName, null, last);
    }

    /** What history records of a membership. E-mail addresses stay out: the activity feed is as public as the group. */
    private static Map<String, Object> fields(Member m) {
        return Fields.of("subject", m.subject, "displayName", m.displayName, "role", m.role);
    }

    private void requireAnotherChair(WorkingGroup group, Member chair, String what) {
        long chairs = members.countByRole(group.id, GroupRole.CHAIR);
        if (chairs <= 1) {
            throw ProblemException.conflict(chair.displayName + " is the last chair of '" + group.slug
                    + "' and cannot be " + what + ": a group keeps at least one chair. Make someone else chair first");
        }
    }

    private boolean maySeeEmails(WorkingGroup group) {
        return user.isAdmin() || access.roleIn(group).isPresent();
    }

    private Member find(WorkingGroup group, long id) {
        return members.findInGroup(group.id, id)
                .orElseThrow(() -> ProblemException.notFound("No member " + id + " in '" + group.slug + "'"));
    }

    /** Serializes membership changes within one group (see the class comment). */
    private void lockMembersOf(WorkingGroup group) {
        em.createNativeQuery("select id from working_group where id = :id for update")
                .setParameter("id", group.id)
                .getSingleResult();
    }
}
