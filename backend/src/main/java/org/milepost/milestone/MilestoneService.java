package org.milepost.milestone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.milepost.common.error.ProblemException;
import org.milepost.common.web.Months;
import org.milepost.common.web.Versions;
import org.milepost.history.EntityType;
import org.milepost.history.Entry;
import org.milepost.history.Fields;
import org.milepost.history.HistoryRecorder;
import org.milepost.milestone.dto.MilestoneUpdate;
import org.milepost.milestone.dto.MilestoneView;
import org.milepost.workinggroup.WorkingGroup;
import org.milepost.workinggroup.WorkingGroupService;

/**
 * The month columns' milestones. Months are made and removed only through the group's plan range
 * ({@link WorkingGroupService}); here their title, focus and outcomes are read and changed.
 */
@ApplicationScoped
@Transactional
public class MilestoneService {

    private static final Pattern MONTH = Pattern.compile("^\\d{4}-\\d{2}$");

    private final MilestoneRepository milestones;
    private final WorkingGroupService groups;
    private final EntityManager em;
    private final HistoryRecorder history;

    @Inject
    public MilestoneService(
            MilestoneRepository milestones, WorkingGroupService groups, EntityManager em, HistoryRecorder history) {
        this.milestones = milestones;
        this.groups = groups;
        this.em = em;
        this.history = history;
    }

    /** Every month of the plan in order, with its card count from one grouped query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MilestoneView> list(String slug) {
        WorkingGroup group = groups.findReadable(slug);
        Map<Long, Long> counts = new HashMap<>();
        em.createQuery(
                        """
                select c.milestoneId, count(c) from Card c
                where c.groupId = :group and c.milestoneId is not null
                group by c.milestoneId""",
                        Object[].class)
                .setParameter("group", group.id)
                .getResultList()
                .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return milestones.listByGroup(group.id).stream()
                .map(m -> MilestoneView.of(m, counts.getOrDefault(m.id, 0L)))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MilestoneView get(String slug, String month) {
        WorkingGroup group = groups.findReadable(slug);
        Milestone milestone = find(group, parseMonth(month));
        return MilestoneView.of(milestone, cardCount(milestone));
    }

    public MilestoneView update(String slug, String month, MilestoneUpdate request, String ifMatch) {
        WorkingGroup group = groups.findEditable(slug);
        YearMonth parsed = parseMonth(month);
        int expected = Versions.expected(request.version(), ifMatch);
        Milestone milestone = find(group, parsed);
        if (expected != milestone.version) {
            throw ProblemException.stale(
                    "The milestone of " + parsed + " was changed by someone else (now version " + milestone.version
                            + ")",
                    MilestoneView.of(milestone, cardCount(milestone)));
        }
        Map<String, Object> before = fields(milestone);
        milestone.title = blankToNull(request.title());
        milestone.focus = blankToNull(request.focus());
        milestone.outcomes = blankToNull(request.outcomes());
        milestones.flush();
        history.updated(
                group.id,
                EntityType.MILESTONE,
                milestone.id,
                milestone.version,
                Entry.monthLabel(parsed),
                parsed,
                before,
                fields(milestone));
        return MilestoneView.of(milestone, cardCount(milestone));
    }

    /** What history records of a month's milestone. */
    public static Map<String, Object> fields(Milestone m) {
        return Fields.of("title", m.title, "focus", m.focus, "outcomes", m.outcomes);
    }

    private Milestone find(WorkingGroup group, YearMonth month) {
        return milestones
                .findByMonth(group.id, Months.toDate(month))
                .orElseThrow(() -> ProblemException.notFound(month + " is not a month of the plan of '" + group.slug
                        + "' (" + Months.of(group.planStart) + " to " + Months.of(group.planEnd) + ")"));
    }

    private long cardCount(Milestone milestone) {
        return em.createQuery("select count(c) from Card c where c.milestoneId = :m", Long.class)
                .setParameter("m", milestone.id)
                .getSingleResult();
    }

    /** The {@code month} path parameter, "2024-05"; anything else is a 400 naming it. */
    static YearMonth parseMonth(String month) {
        if (month != null && MONTH.matcher(month).matches()) {
            try {
                return YearMonth.parse(month);
            } catch (DateTimeParseException e) {
                // falls through to the problem below (e.g. month 13)
            }
        }
        throw ProblemException.invalidField("month", "must be a month like 2024-05");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
