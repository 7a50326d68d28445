package dev.integrationsandbox.fuzz;

/**
 * How a generated request departs from a valid one, with the weight it is drawn by: valid requests
 * often enough to walk the emulator's state, each kind of malformation often enough that a thousand
 * requests per vendor meet every kind on most operations.
 */
enum Mutation {
  VALID(22),
  WRONG_TYPE(10),
  BOUNDARY(8),
  EMPTY_STRING(5),
  EVIL_VALUE(14),
  MISSING_REQUIRED(8),
  EXTRA_FIELD(6),
  WHOLE_BODY(8),
  PATH_JUNK(6),
  QUERY_JUNK(5),
  ODD_HEADERS(10),
  WRONG_METHOD(2);

  final int weight;

  Mutation(int weight) {
    this.weight = weight;
  }
}
