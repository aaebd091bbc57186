package org.milepost.common.web;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list that can grow. {@code page} counts from 0. */
@Schema(name = "Page", description = "One page of results; page counts from 0")
public record Page<T>(
        List<T> items,
        @Schema(examples = "0") int page,
        @Schema(examples = "50") int size,
        @Schema(examples = "124") long total) {}
