package org.milepost.goal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.milepost.common.error.ProblemException;
import org.milepost.common.web.Versions;
import org.milepost.goal.dto.GoalRequest;
import org.milepost.goal.dto.GoalUpdate;
import org.milepost.goal.dto.GoalView;
import org.milepost.goal.dto.Measure;
import org.milepost.history.EntityType;
import org.milepost.history.Fields;
import org.milepost.history.HistoryRecorder;
import org.milepost.workinggroup.WorkingGroup;
import org.milepost.workinggroup.WorkingGroupService;

/**
 * A group's goals: a short ordered list whose positions stay dense (0..n-1). Inserting or moving a goal renumbers
 * the goals it passes, which is cheap for a handful of goals and keeps the order obvious.
 */
@ApplicationScoped
@Transactional
public class GoalService {

    /** Default colors, given by position; distinct from each other and readable on white and dark backgrounds. */
    static final List<String> PALETTE =
            List.of("#1C7ED6", "#2F9E44", "#F08C00", "#AE3EC9", "#0C8599", "#E8590C", "#4263EB", "#D6336C");

    private final GoalRepository goals;
    private final WorkingGroupService groups;
    private final EntityManager em;
    private final HistoryRecorder history;

    @Inject
    public GoalService(GoalRepository goals, WorkingGroupService groups, EntityManager em, HistoryRecorder history) {
        this.goals = goals;
        this.groups = groups;
        this.em = em;
        this.history = history;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<GoalView> list(String slug) {
        WorkingGroup group = groups.findReadable(slug);
        return goals.listByGroup(group.id).stream().map(GoalView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public GoalView get(String slug, long id) {
        WorkingGroup group = groups.findReadable(slug);
        return GoalView.of(find(group, id));
    }

    public GoalView create(String slug, GoalRequest request) {
        WorkingGroup group = groups.findEditable(slug);
        lockGoalsOf(group);
        List<Goal> ordered = new ArrayList<>(goals.listByGroup(group.id));
        int at = request.position() == null ? ordered.size() : Math.min(request.position(), ordered.size());

        Goal goal = new Goal();
        goal.groupId = group.id;
        goal.title = request.title().strip();
        goal.description = request.description();
        goal.color = request.color() != null ? normalize(request.color()) : defaultColor(at, ordered);
        applyMeasure(goal, request.measure());
        ordered.add(at, goal);
        renumber(ordered);
        goals.persist(goal);
        goals.flush();
        history.created(group.id, EntityType.GOAL, goal.id, goal.version, goal.title, null, fields(goal));
        return GoalView.of(goal);
    }

    public GoalView update(String slug, long id, GoalUpdate request, String ifMatch) {
        WorkingGroup group = groups.findEditable(slug);
        int expected = Versions.expected(request.version(), ifMatch);
        lockGoalsOf(group);
        Goal goal = find(group, id);
        if (expected != goal.version) {
            throw ProblemException.stale(
                    "The goal was changed by someone else (now version " + goal.version + ")", GoalView.of(goal));
        }
        Map<String, Object> before = fields(goal);
        goal.title = request.title().strip();
        goal.description = request.description();
        if (request.color() != null) {
            goal.color = normalize(request.color());
        }
        applyMeasure(goal, request.measure());
        if (request.position() != null && request.position() != goal.position) {
            List<Goal> ordered = new ArrayList<>(goals.listByGroup(group.id));
            ordered.remove(goal);
            ordered.add(Math.min(request.position(), ordered.size()), goal);
            renumber(ordered);
        }
        goals.flush();
        history.updated(group.id, EntityType.GOAL, goal.id, goal.version, goal.title, null, before, fields(goal));
        return GoalView.of(goal);
    }

    /** Deletes a goal; its cards stay and lose their goal. The goals after it move up one place. */
    public void delete(String slug, long id, String ifMatch) {
        WorkingGroup group = groups.findEditable(slug);
        lockGoalsOf(group);
        Goal goal = find(group, id);
        if (ifMatch != null && !ifMatch.isBlank() && Versions.expected(null, ifMatch) != goal.version) {
            throw ProblemException.stale(
                    "The goal was changed by someone else (now version " + goal.version + ")", GoalView.of(goal));
        }
        Map<String, Object> last = fields(goal);
        goals.delete(goal);
        goals.flush();
        List<Goal> rest = new ArrayList<>(goals.listByGroup(group.id));
        renumber(rest);
        goals.flush();
        history.deleted(group.id, EntityType.GOAL, goal.id, goal.title, null, last);
    }

    /** What history records of a goal. Positions of the goals a move passes are not recorded, only the mover's. */
    public static Map<String, Object> fields(Goal g) {
        return Fields.of(
                "title",
                g.title,
                "description",
                g.description,
                "color",
                g.color,
                "position",
                g.position,
                "measureLabel",
                g.measureLabel,
                "measureTarget",
                g.measureTarget,
                "measureCurrent",
                g.measureCurrent);
    }

    private Goal find(WorkingGroup group, long id) {
        return goals.findInGroup(group.id, id)
                .orElseThrow(() -> ProblemException.notFound("No goal " + id + " in '" + group.slug + "'"));
    }

    /** Serializes changes to one group's goal order, so two inserts never take the same position. */
    private void lockGoalsOf(WorkingGroup group) {
        em.createNativeQuery("select id from working_group where id = :id for update")
                .setParameter("id", group.id)
                .getSingleResult();
    }

    private static void renumber(List<Goal> ordered) {
        for (int i = 0; i < ordered.size(); i++) {
            Goal goal = ordered.get(i);
            if (goal.position != i) {
                goal.position = i;
            }
        }
    }

    private static void applyMeasure(Goal goal, Measure measure) {
        goal.measureLabel = measure == null ? null : measure.label().strip();
        goal.measureTarget = measure == null ? null : measure.target();
        goal.measureCurrent = measure == null ? null : measure.current();
    }

    private static String normalize(String color) {
        return color.toUpperCase(Locale.ROOT);
    }

    /** The palette color for this position, or the next one no other goal of the group uses yet. */
    static String defaultColor(int position, List<Goal> others) {
        Set<String> used = others.stream().map(g -> g.color).collect(Collectors.toSet());
        for (int i = 0; i < PALETTE.size(); i++) {
            String color = PALETTE.get((position + i) % PALETTE.size());
            if (!used.contains(color)) {
                return color;
            }
        }
        return PALETTE.get(position % PALETTE.size());
    }
}
