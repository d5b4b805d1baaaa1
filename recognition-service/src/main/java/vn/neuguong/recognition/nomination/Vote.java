package vn.neuguong.recognition.nomination;

import java.time.Instant;

public record Vote(String voterId, String voterName, boolean approve, String comment, Instant castAt) {
}
