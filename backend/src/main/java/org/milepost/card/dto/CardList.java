package org.milepost.card.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CardList")
public record CardList(List<CardView> items) {}
