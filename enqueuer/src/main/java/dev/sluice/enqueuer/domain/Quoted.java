package dev.sluice.enqueuer.domain;

/**
 * A client-supplied value made safe to echo in an error message: quoted, cut to 80 characters,
 * and with control and format characters escaped, so a hostile value cannot forge log lines or
 * hide text in an answer.
 */
final class Quoted {
  private static final int MAX = 80;

  private Quoted() {}

  static String of(String value) {
    StringBuilder out = new StringBuilder("'");
    int count = 0;
    for (int i = 0; i < value.length() && count < MAX; i += Character.charCount(value.codePointAt(i))) {
      int cp = value.codePointAt(i);
      if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
          || Character.getType(cp) == Character.SURROGATE) {
        out.append(String.format("\\u%04x", cp));
      } else {
        out.appendCodePoint(cp);
      }
      count++;
    }
    return out.append(value.codePointCount(0, value.length()) > MAX ? "…'" : "'").toString();
  }
}
