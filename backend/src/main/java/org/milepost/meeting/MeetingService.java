package org.milepost.meeting;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.milepost.common.error.Problem;
import org.milepost.common.error.ProblemException;
import org.milepost.common.web.Page;
import org.milepost.common.web.Versions;
import org.milepost.history.EntityType;
import org.milepost.history.Fields;
import org.milepost.history.HistoryRecorder;
import org.milepost.meeting.dto.MeetingRequest;
import org.milepost.meeting.dto.MeetingUpdate;
import org.milepost.meeting.dto.MeetingView;
import org.milepost.workinggroup.WorkingGroup;
import org.milepost.workinggroup.WorkingGroupService;

/**
 * A group's meeting schedule. Meetings are numbered within the group (1, 2, 3…): a meeting without a number gets the
 * next one, and numbering is serialized per group so two meetings scheduled at once never collide.
 */
@ApplicationScoped
@Transactional
public class MeetingService {

    private final MeetingRepository meetings;
    private final WorkingGroupService groups;
    private final EntityManager em;
    private final HistoryRecorder history;

    @Inject
    public MeetingService(
            MeetingRepository meetings, WorkingGroupService groups, EntityManager em, HistoryRecorder history) {
        this.meetings = meetings;
        this.groups = groups;
        this.em = em;
        this.history = history;
    }

    /**
     * Upcoming: today and later, soonest first, then the undated by number. Past: most recent first. All: by number.
     * "Today" is the server's date.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MeetingView> list(String slug, MeetingFilter filter, int page, int size) {
        WorkingGroup group = groups.findReadable(slug);
        String query =
                switch (filter) {
                    case UPCOMING ->
                        "groupId = :group and (date is null or date >= :today) order by date asc nulls last, number";
                    case PAST -> "groupId = :group and date < :today order by date desc, number desc";
                    case ALL -> "groupId = :group order by number";
                };
        Parameters params = Parameters.with("group", group.id);
        if (filter != MeetingFilter.ALL) {
            params.and("today", LocalDate.now());
        }
        var found = meetings.find(query, params).page(page, size);
        List<Meeting> items = found.list();
        return new Page<>(views(items), page, size, found.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MeetingView get(String slug, long id) {
        WorkingGroup group = groups.findReadable(slug);
        return MeetingView.of(find(group, id));
    }

    public MeetingView create(String slug, MeetingRequest request) {
        WorkingGroup group = groups.findEditable(slug);
        Checked checked = check(group, request.timeZone(), request.joinUrl(), request.cardIds());
        lockMeetingsOf(group);
        int number;
        if (request.number() == null) {
            number = meetings.maxNumber(group.id) + 1;
        } else {
            number = request.number();
            requireFreeNumber(group, number, null);
        }
        Meeting meeting = new Meeting();
        meeting.groupId = group.id;
        meeting.number = number;
        meeting.tentative = request.tentative() == null || request.tentative();
        apply(
                meeting,
                request.date(),
                request.time(),
                checked,
                request.location(),
                request.objectives(),
                request.outcome(),
                request.minutes());
        meetings.persist(meeting);
        meetings.flush();
        history.created(
                group.id,
                EntityType.MEETING,
                meeting.id,
                meeting.version,
                title(meeting),
                month(meeting),
                fields(meeting));
        return MeetingView.of(meeting);
    }

    public MeetingView update(String slug, long id, MeetingUpdate request, String ifMatch) {
        WorkingGroup group = groups.findEditable(slug);
        int expected = Versions.expected(request.version(), ifMatch);
        Checked checked = check(group, request.timeZone(), request.joinUrl(), request.cardIds());
        lockMeetingsOf(group);
        Meeting meeting = find(group, id);
        if (expected != meeting.version) {
            throw ProblemException.stale(
                    "Meeting " + meeting.number + " was changed by someone else (now version " + meeting.version + ")",
                    MeetingView.of(meeting));
        }
        Map<String, Object> before = fields(meeting);
        if (request.number() != null && request.number() != meeting.number) {
            requireFreeNumber(group, request.number(), meeting.id);
            meeting.number = request.number();
        }
        if (request.tentative() != null) {
            meeting.tentative = request.tentative();
        }
        apply(
                meeting,
                request.date(),
                request.time(),
                checked,
                request.location(),
                request.objectives(),
                request.outcome(),
                request.minutes());
        meetings.flush();
        history.updated(
                group.id,
                EntityType.MEETING,
                meeting.id,
                meeting.version,
                title(meeting),
                month(meeting),
                before,
                fields(meeting));
        return MeetingView.of(meeting);
    }

    public void delete(String slug, long id, String ifMatch) {
        WorkingGroup group = groups.findEditable(slug);
        Meeting meeting = find(group, id);
        if (ifMatch != null && !ifMatch.isBlank() && Versions.expected(null, ifMatch) != meeting.version) {
            throw ProblemException.stale(
                    "Meeting " + meeting.number + " was changed by someone else (now version " + meeting.version + ")",
                    MeetingView.of(meeting));
        }
        Map<String, Object> last = fields(meeting); // before the delete: its linked cards are not readable after
        meetings.delete(meeting);
        meetings.flush();
        history.deleted(group.id, EntityType.MEETING, meeting.id, title(meeting), month(meeting), last);
    }

    /** What history records of a meeting; collections are copied, as the entity's change in place. */
    public static Map<String, Object> fields(Meeting m) {
        return Fields.of(
                "number",
                m.number,
                "date",
                m.date,
                "time",
                m.time,
                "timeZone",
                m.timeZone,
                "tentative",
                m.tentative,
                "location",
                m.location,
                "joinUrl",
                m.joinUrl,
                "objectives",
                List.copyOf(m.objectives),
                "outcome",
                m.outcome,
                "minutes",
                m.minutes,
                "cardIds",
                new LinkedHashSet<>(m.cardIds));
    }

    public static String title(Meeting m) {
        return "#" + m.number;
    }

    public static YearMonth month(Meeting m) {
        return m.date == null ? null : YearMonth.from(m.date);
    }

    /** The values a request's fields stand for once checked: a known time zone, an http(s) link, this group's cards. */
    private record Checked(String timeZone, String joinUrl, Set<Long> cardIds) {}

    /** Checks what Bean Validation cannot, reporting every bad field at once (by its JSON name). */
    private Checked check(WorkingGroup group, String timeZone, String joinUrl, List<Long> cardIds) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String zone = null;
        if (timeZone != null && !timeZone.isBlank()) {
            try {
                zone = ZoneId.of(timeZone.strip()).getId();
            } catch (DateTimeException e) {
                errors.add(new Problem.FieldError("timeZone", "must be a time zone such as UTC or Europe/Berlin"));
            }
        }
        String url = joinUrl == null || joinUrl.isBlank() ? null : joinUrl.strip();
        if (url != null && !isWebUrl(url)) {
            errors.add(new Problem.FieldError("joinUrl", "must be an http or https URL"));
        }
        Set<Long> cards = cardIds == null ? Set.of() : new LinkedHashSet<>(cardIds);
        if (!cards.isEmpty()) {
            Set<Long> found = new LinkedHashSet<>(
                    em.createQuery("select c.id from Card c where c.groupId = :group and c.id in :ids", Long.class)
                            .setParameter("group", group.id)
                            .setParameter("ids", cards)
                            .getResultList());
            List<Long> unknown = cards.stream().filter(c -> !found.contains(c)).toList();
            if (!unknown.isEmpty()) {
                errors.add(new Problem.FieldError(
                        "cardIds",
                        "no such cards in this group: "
                                + unknown.stream().map(String::valueOf).collect(Collectors.joining(", "))));
            }
        }
        if (!errors.isEmpty()) {
            String detail =
                    errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
            throw new ProblemException(
                    new Problem("/problems/validation", "Invalid request", 400, detail, null, errors, null));
        }
        return new Checked(zone, url, cards);
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return scheme != null
                    && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void apply(
            Meeting meeting,
            LocalDate date,
            LocalTime time,
            Checked checked,
            String location,
            List<String> objectives,
            String outcome,
            String minutes) {
        meeting.date = date;
        meeting.time = time;
        meeting.timeZone = checked.timeZone();
        meeting.joinUrl = checked.joinUrl();
        meeting.location = location == null || location.isBlank() ? null : location.strip();
        meeting.objectives = objectives == null
                ? new ArrayList<>()
                : objectives.stream().map(String::strip).collect(Collectors.toCollection(ArrayList::new));
        meeting.outcome = outcome;
        meeting.minutes = minutes;
        if (!meeting.cardIds.equals(checked.cardIds())) {
            meeting.cardIds.clear();
            meeting.cardIds.addAll(checked.cardIds());
        }
    }

    private void requireFreeNumber(WorkingGroup group, int number, Long exceptId) {
        meetings.findByNumber(group.id, number)
                .filter(other -> !other.id.equals(exceptId))
                .ifPresent(other -> {
                    throw ProblemException.conflict("Meeting number " + number + " is already used in '" + group.slug
                            + "'" + (other.date == null ? "" : " (the meeting of " + other.date + ")")
                            + "; choose another number, or leave it out to get the next free one");
                });
    }

    private Meeting find(WorkingGroup group, long id) {
        return meetings.findInGroup(group.id, id)
                .orElseThrow(() -> ProblemException.notFound("No meeting " + id + " in '" + group.slug + "'"));
    }

    /** The views of a page of meetings, their card ids read in one query rather than one per meeting. */
    private List<MeetingView> views(List<Meeting> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Long>> cards = new HashMap<>();
        em.createQuery("select m.id, c from Meeting m join m.cardIds c where m.id in :ids order by c", Object[].class)
                .setParameter("ids", page.stream().map(m -> m.id).toList())
                .getResultList()
                .forEach(row -> cards.computeIfAbsent((Long) row[0], k -> new ArrayList<>())
                        .add((Long) row[1]));
        return page.stream()
                .map(m -> MeetingView.of(m, cards.getOrDefault(m.id, List.of())))
                .toList();
    }

    /** Serializes numbering within one group (see the class comment). */
    private void lockMeetingsOf(WorkingGroup group) {
        em.createNativeQuery("select id from working_group where id = :id for update")
                .setParameter("id", group.id)
                .getSingleResult();
    }
}
