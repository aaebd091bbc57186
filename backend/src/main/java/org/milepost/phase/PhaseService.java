package org.milepost.phase;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.milepost.common.error.ProblemException;
import org.milepost.common.web.Months;
import org.milepost.common.web.Versions;
import org.milepost.history.EntityType;
import org.milepost.history.Fields;
import org.milepost.history.HistoryRecorder;
import org.milepost.phase.dto.PhaseRequest;
import org.milepost.phase.dto.PhaseUpdate;
import org.milepost.phase.dto.PhaseView;
import org.milepost.workinggroup.WorkingGroup;
import org.milepost.workinggroup.WorkingGroupService;

/**
 * A group's phases (Launch, Grow, Review): spans of months that may overlap each other and may reach past the plan
 * range, so changing the plan never invalidates a phase.
 */
@ApplicationScoped
@Transactional
public class PhaseService {

    private final PhaseRepository phases;
    private final WorkingGroupService groups;
    private final HistoryRecorder history;

    @Inject
    public PhaseService(PhaseRepository phases, WorkingGroupService groups, HistoryRecorder history) {
        this.phases = phases;
        this.groups = groups;
        this.history = history;
    }

    /** By start month, then by id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PhaseView> list(String slug) {
        WorkingGroup group = groups.findReadable(slug);
        return phases.listByGroup(group.id).stream().map(PhaseView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PhaseView get(String slug, long id) {
        WorkingGroup group = groups.findReadable(slug);
        return PhaseView.of(find(group, id));
    }

    public PhaseView create(String slug, PhaseRequest request) {
        WorkingGroup group = groups.findEditable(slug);
        checkRange(request.startMonth(), request.endMonth());
        Phase phase = new Phase();
        phase.groupId = group.id;
        apply(
                phase,
                request.name(),
                request.startMonth(),
                request.endMonth(),
                request.focus(),
                request.activities(),
                request.outcomes());
        phases.persist(phase);
        phases.flush();
        history.created(group.id, EntityType.PHASE, phase.id, phase.version, phase.name, null, fields(phase));
        return PhaseView.of(phase);
    }

    public PhaseView update(String slug, long id, PhaseUpdate request, String ifMatch) {
        WorkingGroup group = groups.findEditable(slug);
        int expected = Versions.expected(request.version(), ifMatch);
        checkRange(request.startMonth(), request.endMonth());
        Phase phase = find(group, id);
        if (expected != phase.version) {
            throw ProblemException.stale(
                    "The phase was changed by someone else (now version " + phase.version + ")", PhaseView.of(phase));
        }
        Map<String, Object> before = fields(phase);
        apply(
                phase,
                request.name(),
                request.startMonth(),
                request.endMonth(),
                request.focus(),
                request.activities(),
                request.outcomes());
        phases.flush();
        history.updated(group.id, EntityType.PHASE, phase.id, phase.version, phase.name, null, before, fields(phase));
        return PhaseView.of(phase);
    }

    public void delete(String slug, long id, String ifMatch) {
        WorkingGroup group = groups.findEditable(slug);
        Phase phase = find(group, id);
        if (ifMatch != null && !ifMatch.isBlank() && Versions.expected(null, ifMatch) != phase.version) {
            throw ProblemException.stale(
                    "The phase was changed by someone else (now version " + phase.version + ")", PhaseView.of(phase));
        }
        Map<String, Object> last = fields(phase);
        phases.delete(phase);
        phases.flush();
        history.deleted(group.id, EntityType.PHASE, phase.id, phase.name, null, last);
    }

    /** What history records of a phase. */
    public static Map<String, Object> fields(Phase p) {
        return Fields.of(
                "name",
                p.name,
                "startMonth",
                Months.of(p.startMonth),
                "endMonth",
                Months.of(p.endMonth),
                "focus",
                p.focus,
                "activities",
                p.activities,
                "outcomes",
                p.outcomes);
    }

    private Phase find(WorkingGroup group, long id) {
        return phases.findInGroup(group.id, id)
                .orElseThrow(() -> ProblemException.notFound("No phase " + id + " in '" + group.slug + "'"));
    }

    private static void apply(
            Phase phase,
            String name,
            YearMonth start,
            YearMonth end,
            String focus,
            String activities,
            String outcomes) {
        phase.name = name.strip();
        phase.startMonth = Months.toDate(start);
        phase.endMonth = Months.toDate(end);
        phase.focus = focus;
        phase.activities = activities;
        phase.outcomes = outcomes;
    }

    private static void checkRange(YearMonth start, YearMonth end) {
        if (end.isBefore(start)) {
            throw ProblemException.invalidField("endMonth", "must not be before startMonth");
        }
        if (start.plusMonths(WorkingGroupService.MAX_PLAN_MONTHS - 1).isBefore(end)) {
            throw ProblemException.invalidField(
                    "endMonth", "a phase covers at most " + WorkingGroupService.MAX_PLAN_MONTHS + " months");
        }
    }
}
