package org.milepost.goal.dto;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a goal's success is measured: "new contributors", target 25, now 12. */
@Schema(name = "Measure", description = "A goal's measure of success")
public record Measure(
        @NotBlank @Size(max = 200) @Schema(examples = "New contributors moving through the pathway") String label,
        @Digits(integer = 12, fraction = 2) @Schema(examples = "25") BigDecimal target,
        @Digits(integer = 12, fraction = 2) @Schema(examples = "12") BigDecimal current) {}
