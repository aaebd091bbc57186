package org.milepost.calendar.dto;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new secret calendar link. Its URL is shown this once: the server keeps only a hash of the secret in it. */
@Schema(name = "CalendarLinkCreated")
public record CalendarLinkCreated(
        @Schema(description = "To revoke it: DELETE /api/groups/{slug}/calendar-links/{id}", examples = "7") long id,
        @Schema(
                        description = "Subscribe to this in a calendar app; keep it secret",
                        examples = "https://milepost.example.org/api/calendar/k3J0v5…ics")
                String url,
        @Schema(examples = "/api/calendar/k3J0v5…ics") String path,
        Instant createdAt) {}
