package dev.integrationsandbox.support;

/**
 * CPF (11 digits) and CNPJ (14 digits) check-digit validation. Vendors reject a document whose
 * check digits do not add up, so an integration that formats or truncates documents fails here
 * first, not in production.
 */
public final class BrazilianDocument {

  private BrazilianDocument() {}

  /** Whether the text is an unformatted CPF or CNPJ with valid check digits. */
  public static boolean isValid(String digits) {
    if (digits == null || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    return switch (digits.length()) {
      case 11 -> isValidCpf(digits);
      case 14 -> isValidCnpj(digits);
      default -> false;
    };
  }

  static boolean isValidCpf(String cpf) {
    if (cpf.chars().distinct().count() == 1) {
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
    if (cnpj.chars().distinct().count() == 1) {
      return false;
    }
    int[] first = {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    int[] second = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    return cnpjDigit(cnpj, first) == cnpj.charAt(12) - '0'
        && cnpjDigit(cnpj, second) == cnpj.charAt(13) - '0';
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
    String thirteen =
        twelveDigits + cnpjDigit(twelveDigits, new int[] {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2});
    return thirteen + cnpjDigit(thirteen, new int[] {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2});
  }
}
