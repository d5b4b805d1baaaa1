package vn.neuguong.recognition.nomination;

public enum DecisionOutcome {
    AWARDED, REJECTED
}
