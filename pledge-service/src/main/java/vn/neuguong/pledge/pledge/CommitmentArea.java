package vn.neuguong.pledge.pledge;

/** What a commitment is about: studying, ethics, style, one's duties, or a breakthrough task. */
public enum CommitmentArea {
    STUDY, ETHICS, STYLE, DUTY, BREAKTHROUGH
}
