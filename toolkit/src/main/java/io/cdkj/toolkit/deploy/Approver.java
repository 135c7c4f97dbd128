package io.cdkj.toolkit.deploy;

/**
 * Asks a person to approve a deployment. The deploy engine only asks when {@link #interactive()} is
 * true; otherwise changes that need approval stop the deployment before anything is executed.
 *
 * <p>Implementations say whether they are thread-safe; the engine asks one question at a time.
 */
public interface Approver {

    /** Whether there is someone to ask (a terminal, not {@code --ci}). */
    boolean interactive();

    /**
     * Shows {@code question} and waits for the answer.
     *
     * @return whether the answer was yes
     */
    boolean approve(String question);

    /** No one to ask: a CI run. */
    Approver NONE = new Approver() {
        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public boolean approve(String question) {
            return false;
        }
    };
}
