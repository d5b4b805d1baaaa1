package vn.neuguong.contracts.recognition;

/** Forms of recognition, from the lowest: giấy khen, bằng khen, huân chương-level diploma (bằng). */
public enum Award {
    LETTER_OF_COMMENDATION, CERTIFICATE_OF_MERIT, DIPLOMA_OF_MERIT
}
