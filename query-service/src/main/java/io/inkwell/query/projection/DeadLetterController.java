package io.inkwell.query.projection;

import io.inkwell.query.web.InvalidParameterException;
import io.inkwell.query.web.NotFoundException;
import io.inkwell.query.web.PageResponse;
import io.inkwell.support.security.TokenIdentity;
import io.inkwell.support.web.Problem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Events a projection could not handle: list them, hand them back, or evict them for good (role admin). */
@RestController
@Validated
@RequestMapping(path = "/api/v1/admin/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
class DeadLetterController {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterController.class);

    private final DeadLetters letters;
    private final DeadLetterRetries retries;
    private final ProjectionGroups groups;

    DeadLetterController(DeadLetters letters, DeadLetterRetries retries, ProjectionGroups groups) {
        this.letters = letters;
        this.retries = retries;
        this.groups = groups;
    }

    @GetMapping
    PageResponse<DeadLetterResponse> list(@RequestParam(required = false) String processingGroup,
                                          @RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
                                          @RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
        Optional<String> group = group(processingGroup);
        return PageResponse.of(letters.page(group, page, limit).stream().map(DeadLetterResponse::of).toList(),
                page, limit, letters.count(group));
    }

    @GetMapping("/{id}")
    DeadLetterResponse get(@PathVariable String id) {
        return DeadLetterResponse.of(find(id));
    }

    /** Retries the letter's aggregate from its first parked event; 409 when a letter fails again. */
    @PostMapping("/{id}/retry")
    ResponseEntity<?> retry(@PathVariable String id) {
        DeadLetterView letter = find(id);
        long remaining = retries.retrySequenceOf(letter);
        if (remaining > 0) {
            String why = letters.head(letter.processingGroup(), letter.sequenceIdentifier()).filter(DeadLetterView::failed)
                    .map(failed -> failed.causeType() + ": " + failed.causeMessage()).orElse("it is being retried elsewhere");
            return Problem.DEAD_LETTER_RETRY_FAILED.response("The events of aggregate " + letter.sequenceIdentifier()
                    + " in " + letter.processingGroup() + " are still parked (" + remaining + "): " + why);
        }
        return ResponseEntity.ok(new RetryResult(letter.processingGroup(), 1, letters.count(Optional.of(letter.processingGroup()))));
    }

    /** Retries every parked aggregate of one processing group once. */
    @PostMapping("/retry")
    RetryResult retryGroup(@RequestParam String processingGroup) {
        String group = group(processingGroup).orElseThrow();
        int sequences = retries.retryGroup(group);
        return new RetryResult(group, sequences, letters.count(Optional.of(group)));
    }

    /** Evicts one letter for good: its event will never reach the projection. Logged with who and why. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> evict(@PathVariable String id, @RequestParam(required = false) String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidParameterException("reason", "must say why the event is given up");
        }
        DeadLetterView letter = find(id);
        if (!letters.evict(id)) {
            throw new NotFoundException("No dead letter " + id);
        }
        String who = TokenIdentity.current().map(identity -> identity.issuer() + " " + identity.subject()).orElse("?");
        log.warn("Dead letter {} evicted by {} because \"{}\": {} of aggregate {} (version {}, position {}) will never reach {}",
                id, who, reason.strip(), letter.payloadType(), letter.sequenceIdentifier(), letter.sequenceNumber() + 1,
                letter.position(), letter.processingGroup());
        return ResponseEntity.noContent().build();
    }

    record RetryResult(String processingGroup, int sequencesRetried, long deadLettersLeft) {
    }

    private DeadLetterView find(String id) {
        return letters.find(id).orElseThrow(() -> new NotFoundException("No dead letter " + id));
    }

    private Optional<String> group(String name) {
        if (name == null) {
            return Optional.empty();
        }
        if (!groups.contains(name)) {
            throw new InvalidParameterException("processingGroup", "must be one of " + groups.names());
        }
        return Optional.of(name);
    }
}
