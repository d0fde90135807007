package io.rapport.domain;

import java.time.LocalDate;

/**
 * A plan made for a flag with "Plan action": what will be done, by whom, by when.
 *
 * @param workspaceId Slack team id
 * @param id the plan modal's view id (a repeated submission is the same plan)
 * @param flagId the flag
 * @param action what will be done
 * @param ownerId who does it
 * @param dueDate by when; the owner gets a reminder DM on that day
 * @param createdBy who made the plan
 * @param createdAt when (epoch millis)
 * @param reminderStatus pending, claimed, sent or cancelled
 * @param reminderClaimedAt when the reminder was claimed, if it is
 */
public record FlagPlan(
    String workspaceId,
    String id,
    String flagId,
    String action,
    String ownerId,
    LocalDate dueDate,
    String createdBy,
    long createdAt,
    String reminderStatus,
    Long reminderClaimedAt) {}
