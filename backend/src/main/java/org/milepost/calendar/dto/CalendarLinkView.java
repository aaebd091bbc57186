package org.milepost.calendar.dto;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One of my secret calendar links, without its secret (which the server does not keep). */
@Schema(name = "CalendarLink")
public record CalendarLinkView(@Schema(examples = "7") long id, Instant createdAt) {}
