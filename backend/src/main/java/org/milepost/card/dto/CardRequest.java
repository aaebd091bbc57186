package org.milepost.card.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.milepost.card.CardStatus;

/** A new card. It goes to the end of its month column, or of the backlog when {@code month} is null. */
@Schema(name = "CardRequest")
public record CardRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Create Rough Draft of Comms Plan") String title,
        @Size(max = 100_000) @Schema(description = "Markdown", examples = "First draft for **community review**")
                String description,
        @Schema(examples = "PLANNED") CardStatus status,
        @Size(max = 200) @Schema(examples = "Activator") String responsible,
        @Size(max = 200) @Schema(examples = "CBT liaison") String support,
        @Size(max = 500) @Schema(examples = "Documentation about gaps/inefficiencies") String deliverable,
        @Schema(description = "A goal of the same group") Long goalId,
        @Schema(
                        type = SchemaType.STRING,
                        format = "year-month",
                        examples = "2024-05",
                        nullable = true,
                        description = "The month column; null or absent for the backlog")
                YearMonth month) {}
