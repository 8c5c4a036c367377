package io.inkwell.testing.fuzz;

import io.inkwell.testing.http.RawHttp;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every answer to a hostile request must be: an answer at all (no reset, no silent close), never a
 * 5xx, and every 4xx an {@code application/problem+json} whose {@code type} is one of ours and whose
 * {@code status} is the answer's. Counts the requests it judged, so that a run can say how many it sent.
 */
public final class EdgeContract {

    private static final String TYPE = "https://inkwell.example/problems/";
    private static final Pattern TYPE_MEMBER = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern STATUS_MEMBER = Pattern.compile("\"status\"\\s*:\\s*(\\d+)");
    private static final AtomicLong JUDGED = new AtomicLong();

    private EdgeContract() {
    }

    /** Sends the request and judges the answer; returns it for checks of the caller's own. */
    public static RawHttp.Answer sendAndJudge(RawHttp http, HostileRequest request) {
        RawHttp.Answer answer;
        try {
            answer = http.send(request.method(), request.target(), request.headers(), request.body());
        } catch (RuntimeException e) {
            throw new AssertionError("No answer (" + e.getMessage() + ") to\n" + request, e);
        }
        JUDGED.incrementAndGet();
        if (answer.status() == 0) {
            throw new AssertionError("Connection closed without an answer to\n" + request);
        }
        if (answer.status() >= 500) {
            throw new AssertionError("Answered " + answer.status() + " " + answer.body() + " to\n" + request);
        }
        if (answer.status() >= 400 && !request.method().equals("HEAD")) {
            if (!answer.isProblem()) {
                throw new AssertionError("Answered " + answer.status() + " as " + answer.header("content-type") + ": "
                        + answer.body() + " to\n" + request);
            }
            Matcher type = TYPE_MEMBER.matcher(answer.body());
            Matcher status = STATUS_MEMBER.matcher(answer.body());
            if (!type.find() || !type.group(1).startsWith(TYPE) || !status.find()
                    || Integer.parseInt(status.group(1)) != answer.status()) {
                throw new AssertionError("Answered " + answer.status() + " with a problem whose type or status is off: "
                        + answer.body() + " to\n" + request);
            }
        }
        return answer;
    }

    /** How many requests were judged in this JVM so far. */
    public static long judged() {
        return JUDGED.get();
    }
}
