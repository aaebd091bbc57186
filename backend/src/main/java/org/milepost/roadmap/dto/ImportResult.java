package org.milepost.roadmap.dto;

import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.milepost.roadmap.RoadmapDocument;

/** The outcome of an import: the group it wrote to, what it holds now, and what in the document was skipped. */
@Schema(name = "ImportResult")
public record ImportResult(
        @Schema(examples = "cardano-core-infra-roadmap") String slug,
        String name,
        @Schema(type = SchemaType.STRING, format = "year-month", examples = "2024-05") YearMonth planStart,
        @Schema(type = SchemaType.STRING, format = "year-month", examples = "2024-10") YearMonth planEnd,
        ImportPreview.Counts counts,
        List<RoadmapDocument.Warning> warnings) {}
