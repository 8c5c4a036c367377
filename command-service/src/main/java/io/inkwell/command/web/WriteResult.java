package io.inkwell.command.web;

/** What every successful write answers: the aggregate's id and its version (also sent as the ETag). */
public record WriteResult(String id, long version) {
}
