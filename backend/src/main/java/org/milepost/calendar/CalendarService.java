package org.milepost.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.milepost.calendar.dto.CalendarLinkCreated;
import org.milepost.calendar.dto.CalendarLinkView;
import org.milepost.common.error.ProblemException;
import org.milepost.common.security.CurrentUser;
import org.milepost.common.security.GroupAccess;
import org.milepost.meeting.Meeting;
import org.milepost.workinggroup.WorkingGroup;
import org.milepost.workinggroup.WorkingGroupRepository;
import org.milepost.workinggroup.WorkingGroupService;

/**
 * A group's meetings as an iCalendar feed that calendar apps subscribe to: openly for PUBLIC groups, through a
 * personal secret link for MEMBERS groups (ADR 0012). A link's token is shown once; only its SHA-256 is stored.
 */
@ApplicationScoped
@Transactional
public class CalendarService {

    static final String PRODID = "-//Milepost//Milepost roadmap board//EN";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WorkingGroupService groups;
    private final WorkingGroupRepository groupRepository;
    private final CalendarLinkRepository links;
    private final GroupAccess access;
    private final CurrentUser user;
    private final EntityManager em;
    private final CalendarConfig config;

    @Inject
    public CalendarService(
            WorkingGroupService groups,
            WorkingGroupRepository groupRepository,
            CalendarLinkRepository links,
            GroupAccess access,
            CurrentUser user,
            EntityManager em,
            CalendarConfig config) {
        this.groups = groups;
        this.groupRepository = groupRepository;
        this.links = links;
        this.access = access;
        this.user = user;
        this.em = em;
        this.config = config;
    }

    /** The feed of a group the caller may read (anyone, for a PUBLIC group). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String feed(String slug) {
        return feed(groups.findReadable(slug));
    }

    /** The feed behind a secret link; 404 for an unknown or revoked link. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String feedByToken(String token) {
        CalendarLink link = links.findByTokenHash(hash(token))
                .orElseThrow(() -> ProblemException.notFound("No such calendar link; it may have been revoked"));
        WorkingGroup group = groupRepository
                .findByIdOptional(link.groupId)
                .orElseThrow(() -> ProblemException.notFound("No such calendar link; it may have been revoked"));
        return feed(group);
    }

    /** A new secret link for the caller, who must belong to the group (or be an admin). */
    public CalendarLinkCreated createLink(String slug, String baseUrl) {
        WorkingGroup group = groups.findReadable(slug);
        access.requireSignedIn();
        if (!user.isAdmin() && access.roleIn(group).isEmpty()) {
            throw ProblemException.forbidden("Only members of '" + slug + "' make personal calendar links; its public "
                    + "calendar is at /api/groups/" + slug + "/meetings.ics");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        CalendarLink link = new CalendarLink();
        link.groupId = group.id;
        link.subject = user.subject();
        link.tokenHash = hash(token);
        link.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        links.persist(link);
        links.flush();
        String path = "/api/calendar/" + token + ".ics";
        return new CalendarLinkCreated(link.id, stripSlash(baseUrl) + path, path, link.createdAt);
    }

    /** The caller's links to this group's calendar (without their secrets, which are not kept). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CalendarLinkView> myLinks(String slug) {
        WorkingGroup group = groups.findReadable(slug);
        access.requireSignedIn();
        return links.listOwned(group.id, user.subject()).stream()
                .map(l -> new CalendarLinkView(l.id, l.createdAt))
                .toList();
    }

    /** Revokes one of the caller's links: it answers 404 from now on. */
    public void revoke(String slug, long id) {
        WorkingGroup group = groups.findReadable(slug);
        access.requireSignedIn();
        CalendarLink link = links.findOwned(group.id, user.subject(), id)
                .orElseThrow(
                        () -> ProblemException.notFound("You have no calendar link " + id + " for '" + slug + "'"));
        links.delete(link);
        links.flush();
    }

    private String feed(WorkingGroup group) {
        List<Meeting> meetings = em.createQuery(
                        """
                select m from Meeting m where m.groupId = :group and m.date is not null
                order by m.date, m.time nulls first, m.number""",
                        Meeting.class)
                .setParameter("group", group.id)
                .getResultList();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ICalendar ics = new ICalendar()
                .begin("VCALENDAR")
                .raw("VERSION", "2.0")
                .raw("PRODID", PRODID)
                .raw("CALSCALE", "GREGORIAN")
                .raw("METHOD", "PUBLISH")
                .text("X-WR-CALNAME", group.name)
                .text("X-WR-CALDESC", group.mission)
                .raw("REFRESH-INTERVAL;VALUE=DURATION", config.refreshInterval().toString())
                .raw("X-PUBLISHED-TTL", config.refreshInterval().toString());
        for (Meeting m : meetings) {
            ics.begin("VEVENT")
                    .raw("UID", "meeting-" + m.id + "@milepost")
                    .stamp("DTSTAMP", now)
                    .raw("SEQUENCE", String.valueOf(m.version))
                    .start(m.date, m.time, m.timeZone, config.meetingDuration())
                    .text("SUMMARY", "#" + m.number + " " + group.name)
                    .text("DESCRIPTION", description(m))
                    .text("LOCATION", m.location);
            if (m.joinUrl != null) {
                ics.raw("URL", m.joinUrl);
            }
            ics.raw("STATUS", m.tentative ? "TENTATIVE" : "CONFIRMED").end("VEVENT");
        }
        return ics.end("VCALENDAR").toString();
    }

    private static String description(Meeting m) {
        List<String> parts = new ArrayList<>();
        if (m.objectives != null && !m.objectives.isEmpty()) {
            StringBuilder sb = new StringBuilder("Objectives:");
            m.objectives.forEach(o -> sb.append("\n- ").append(o));
            parts.add(sb.toString());
        }
        if (m.outcome != null && !m.outcome.isBlank()) {
            parts.add("Outcome:\n" + m.outcome.strip());
        }
        if (m.joinUrl != null) {
            parts.add("Join: " + m.joinUrl);
        }
        return String.join("\n\n", parts);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
