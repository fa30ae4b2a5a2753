package com.fooddelivery.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Races: calls that start at the same moment, for tests of what concurrent requests do. */
public final class AtOnce {

    private AtOnce() {}

    /**
     * Runs every call on its own thread of {@code threads} (which must have a thread for each), released together
     * once all are ready; returns their answers in the calls' order.
     */
    public static <T> List<T> call(ExecutorService threads, List<Callable<T>> calls) throws Exception {
        CountDownLatch ready = new CountDownLatch(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> running = new ArrayList<>();
        for (Callable<T> call : calls) {
            running.add(threads.submit(() -> {
                ready.countDown();
                go.await();
                return call.call();
            }));
        }
        ready.await(10, TimeUnit.SECONDS);
        go.countDown();
        List<T> answers = new ArrayList<>();
        for (Future<T> answer : running) {
            answers.add(answer.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }
}
