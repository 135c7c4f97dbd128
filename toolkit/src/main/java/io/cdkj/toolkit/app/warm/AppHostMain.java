package io.cdkj.toolkit.app.warm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The app host: the main class of the long-lived child JVM that runs a CDK app's {@code main} again
 * and again, so the jsii runtime (Node.js and aws-cdk-lib) is started once per synth instead of once
 * per lookup round. Launched by {@link AppHost} with the app's class path plus a directory holding
 * only this class — so it must depend on nothing but the JDK and consist of this one class file (no
 * nested or anonymous classes).
 *
 * <p>Arguments: {@code PORT MAIN_CLASS [APP_ARGS...]}; the toolkit's one-time token is in the
 * environment variable {@value #TOKEN_ENV}. Protocol, one line each way over a loopback socket:
 * <pre>
 *   host → toolkit:  HELLO TOKEN
 *   toolkit → host:  RUN N            host runs main, prints MARKER N on stdout and stderr, then answers
 *   host → toolkit:  OK N  |  FAIL N EXCEPTION_SUMMARY  |  EXITING N (main called System.exit)
 *   toolkit → host:  EXIT             host exits; so does it when the socket closes (the toolkit died)
 * </pre>
 * The markers let the toolkit know it has read all of a run's output before it reports the run.
 */
public final class AppHostMain {

    /** Printed on stdout and stderr at the end of each run, followed by a space and the run number. */
    public static final String MARKER = "\u0001cdkj-app-host-run-end";
    /** Environment variable holding the token the host sends first. */
    public static final String TOKEN_ENV = "CDKJ_APP_HOST_TOKEN";

    private static final Object LOCK = new Object();
    private static Writer toToolkit;
    private static volatile int running = -1;

    private AppHostMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String mainClass = args[1];
        String[] appArgs = Arrays.copyOfRange(args, 2, args.length);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        toToolkit = new PrintWriter(socket.getOutputStream(), false, StandardCharsets.UTF_8);
        // System.exit from main: tell the toolkit before the JVM goes, so it can say so and run cold.
        Runtime.getRuntime().addShutdownHook(new Thread(AppHostMain::onExit, "cdkj-app-host-exit"));
        send("HELLO " + System.getenv(TOKEN_ENV));
        Method main = null;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals("EXIT")) {
                break;
            }
            if (!line.startsWith("RUN ")) {
                continue;
            }
            int run = Integer.parseInt(line.substring(4).trim());
            String failure = null;
            running = run;
            try {
                if (main == null) {
                    main = mainMethod(mainClass);
                }
                main.invoke(null, (Object) appArgs.clone());
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                cause.printStackTrace();
                failure = summary(cause);
            } catch (Exception | LinkageError e) {
                e.printStackTrace();
                failure = summary(e);
            } finally {
                running = -1;
            }
            System.out.println(MARKER + " " + run);
            System.out.flush();
            System.err.println(MARKER + " " + run);
            System.err.flush();
            send(failure == null ? "OK " + run : "FAIL " + run + " " + failure);
        }
        stopDescendants();
        Runtime.getRuntime().halt(0);
    }

    private static Method mainMethod(String mainClass) throws ReflectiveOperationException {
        Class<?> type = Class.forName(mainClass, true, ClassLoader.getSystemClassLoader());
        Method main = type.getMethod("main", String[].class);
        if (!Modifier.isStatic(main.getModifiers())) {
            throw new NoSuchMethodException(mainClass + ".main(String[]) is not static");
        }
        main.setAccessible(true);
        return main;
    }

    private static String summary(Throwable t) {
        String message = t.getMessage() == null ? "" : ": " + t.getMessage();
        return (t.getClass().getName() + message).replace('\r', ' ').replace('\n', ' ');
    }

    private static void onExit() {
        int run = running;
        if (run >= 0) {
            send("EXITING " + run);
        }
        stopDescendants();
    }

    /** The jsii runtime's Node.js process must not outlive the host. */
    private static void stopDescendants() {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
    }

    private static void send(String line) {
        synchronized (LOCK) {
            try {
                toToolkit.write(line + "\n");
                toToolkit.flush();
            } catch (IOException e) {
                // the toolkit is gone; the read loop ends on its own
            }
        }
    }
}
