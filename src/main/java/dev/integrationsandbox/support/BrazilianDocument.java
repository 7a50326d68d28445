package dev.integrationsandbox.support;

/**
 * CPF (11 digits) and CNPJ (14 digits) check-digit validation. Vendors reject a document whose
 * check digits do not add up, so an integration that formats or truncates documents fails here
 * first, not in production.
 */
public final class BrazilianDocument {

  private static final int[] CNPJ_FIRST = {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
  private static final int[] CNPJ_SECOND = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};

  private BrazilianDocument() {}

  /** Whether the text is an unformatted CPF or CNPJ with valid check digits. */
  public static boolean isValid(String digits) {
    if (digits == null || !allDigits(digits)) {
      return false;
    }
    return switch (digits.length()) {
      case 11 -> isValidCpf(digits);
      case 14 -> isValidCnpj(digits);
      default -> false;
    };
  }

  /**
   * Plain loops rather than streams: BTG checks a document on every ticket call, and the streams
   * were a tenth of what a create-ticket allocated.
   */
  private static boolean allDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** 111.111.111-11 and the like add up but are no one's document. */
  private static boolean oneRepeatedDigit(String digits) {
    for (int i = 1; i < digits.length(); i++) {
      if (digits.charAt(i) != digits.charAt(0)) {
        return false;
      }
    }
    return true;
  }

  static boolean isValidCpf(String cpf) {
    if (oneRepeatedDigit(cpf)) {
      return false;
    }
    return checkDigit(cpf, 9, 10) == cpf.charAt(9) - '0'
        && checkDigit(cpf, 10, 11) == cpf.charAt(10) - '0';
  }

  private static int checkDigit(String cpf, int length, int firstWeight) {
    int sum = 0;
    for (int i = 0; i < length; i++) {
      sum += (cpf.charAt(i) - '0') * (firstWeight - i);
    }
    int rest = (sum * 10) % 11;
    return rest == 10 ? 0 : rest;
  }

  static boolean isValidCnpj(String cnpj) {
    if (oneRepeatedDigit(cnpj)) {
      return false;
    }
    return cnpjDigit(cnpj, CNPJ_FIRST) == cnpj.charAt(12) - '0'
        && cnpjDigit(cnpj, CNPJ_SECOND) == cnpj.charAt(13) - '0';
  }

  private static int cnpjDigit(String cnpj, int[] weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += (cnpj.charAt(i) - '0') * weights[i];
    }
    int rest = sum % 11;
    return rest < 2 ? 0 : 11 - rest;
  }

  /** A CPF from its first nine digits: the two check digits appended. */
  public static String cpfFrom(String nineDigits) {
    String ten = nineDigits + checkDigit(nineDigits, 9, 10);
    return ten + checkDigit(ten, 10, 11);
  }

  /** A CNPJ from its first twelve digits: the two check digits appended. */
  public static String cnpjFrom(String twelveDigits) {
    String thirteen = twelveDigits + cnpjDigit(twelveDigits, CNPJ_FIRST);
    return thirteen + cnpjDigit(thirteen, CNPJ_SECOND);
  }
}
