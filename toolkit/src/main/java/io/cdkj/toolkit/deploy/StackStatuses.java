package io.cdkj.toolkit.deploy;

/**
 * Reads CloudFormation stack statuses (as strings, so statuses newer than the SDK still work).
 * Stateless.
 */
final class StackStatuses {

    private StackStatuses() {
    }

    /** Still changing: wait before acting or reporting. */
    static boolean inProgress(String status) {
        return status.endsWith("_IN_PROGRESS") && !status.equals("REVIEW_IN_PROGRESS");
    }

    /** A create or update that finished well. */
    static boolean deployed(String status) {
        return status.equals("CREATE_COMPLETE") || status.equals("UPDATE_COMPLETE")
                || status.equals("IMPORT_COMPLETE");
    }

    /** A stack that only exists as the remains of a failed creation; it must be deleted before re-creating. */
    static boolean mustRecreate(String status) {
        return status.equals("ROLLBACK_COMPLETE") || status.equals("ROLLBACK_FAILED");
    }

    /** A stack created by a change set that was never executed: a new stack for every purpose. */
    static boolean neverDeployed(String status) {
        return status.equals("REVIEW_IN_PROGRESS");
    }

    /** The statuses of events that report a failure. */
    static boolean failedEvent(String status) {
        return status.endsWith("_FAILED");
    }
}
