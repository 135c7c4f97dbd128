package io.cdkj.toolkit.app.warm;

import io.cdkj.toolkit.app.AppRequest;
import io.cdkj.toolkit.app.AppRun;
import io.cdkj.toolkit.app.AppRunner;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for the cold runner: records each request and succeeds without running anything. */
final class RecordingColdRunner implements AppRunner {

    final List<AppRequest> requests = new CopyOnWriteArrayList<>();
    boolean closed;

    @Override
    public AppRun run(AppRequest request) {
        requests.add(request);
        return new AppRun(request.outputDirectory(), Duration.ZERO);
    }

    @Override
    public void close() {
        closed = true;
    }
}
