package vn.neuguong.recognition.council;

/** Votes cast in one review round and how many of them approve. */
public record Tally(int votes, int approvals) {
}
