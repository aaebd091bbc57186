package org.milepost.phase.dto;

import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.milepost.phase.Phase;

/** A phase as the API shows it. */
@Schema(name = "Phase")
public record PhaseView(
        @Schema(examples = "3") long id,
        @Schema(examples = "Launch") String name,
        @Schema(type = SchemaType.STRING, format = "year-month", examples = "2021-03") YearMonth startMonth,
        @Schema(type = SchemaType.STRING, format = "year-month", examples = "2021-06") YearMonth endMonth,
        @Schema(examples = "Brainstorm ideas; plan activities; build a core team") String focus,
        @Schema(examples = "- Run public launch workshop\n- Develop online presence") String activities,
        @Schema(examples = "- Shared vision of the community, developed by the community") String outcomes,
        @Schema(examples = "0") int version) {

    public static PhaseView of(Phase phase) {
        return new PhaseView(
                phase.id,
                phase.name,
                YearMonth.from(phase.startMonth),
                YearMonth.from(phase.endMonth),
                phase.focus,
                phase.activities,
                phase.outcomes,
                phase.version);
    }
}
