package com.example.collections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * The part of BTG Tickets V2 a collection desk uses: open a service ticket for a customer's
 * document and close it with the call's outcome. It signs in with Cognito's client-credentials
 * grant, keeps the token, and signs in again once when the gateway says the token has expired.
 */
public final class BtgTickets {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI tokenUrl;
  private final URI apiBase;
  private final String basicCredentials;
  private final String operator;
  private String token;

  /**
   * @param tokenUrl the Cognito domain's {@code /oauth2/token}
   * @param apiBase where {@code /v2/btg-tickets/…} lives
   * @param operator who works the tickets ({@code createdBy})
   */
  public BtgTickets(
      URI tokenUrl, URI apiBase, String clientId, String clientSecret, String operator) {
    this.tokenUrl = tokenUrl;
    this.apiBase = apiBase;
    this.basicCredentials =
        Base64.getEncoder()
            .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    this.operator = operator;
  }

  /** Opens an outbound phone ticket; returns its id. */
  public String openTicket(String document, String areaCode, String phone) {
    String body =
        json(
            Map.of(
                "phoneAreaCode",
                areaCode,
                "phoneNumber",
                phone,
                "channel",
                "PHONE",
                "type",
                "OUTBOUND"));
    JsonNode ticket =
        call(
            () ->
                api("customers/" + document + "/tickets")
                    .header("Content-Type", "application/json")
                    .header("createdBy", operator)
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
    return ticket.get("id").asText();
  }

  /** Closes a ticket with the party reached and a note; returns the ticket's status. */
  public String closeTicket(String document, String ticketId, String partyName, String note) {
    String query = "?partyName=" + encode(partyName) + "&additionalInfo=" + encode(note);
    JsonNode ticket =
        call(() -> api("customers/" + document + "/tickets/" + ticketId + query).DELETE());
    return ticket.get("status").asText();
  }

  private HttpRequest.Builder api(String path) {
    return HttpRequest.newBuilder(apiBase.resolve(apiBase.getPath() + "/v2/btg-tickets/" + path))
        .timeout(Duration.ofSeconds(30));
  }

  private interface RequestMaker {
    HttpRequest.Builder make();
  }

  /** Sends with the kept token; signs in again once if the gateway answers 401. */
  private JsonNode call(RequestMaker request) {
    if (token == null) {
      token = signIn();
    }
    HttpResponse<String> response = send(request.make().header("Authorization", "Bearer " + token));
    if (response.statusCode() == 401) {
      token = signIn();
      response = send(request.make().header("Authorization", "Bearer " + token));
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "BTG answered " + response.statusCode() + ": " + response.body());
    }
    return parse(response.body());
  }

  private String signIn() {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(tokenUrl)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basicCredentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Cognito refused the client: " + response.body());
    }
    return parse(response.body()).get("access_token").asText();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String json(Map<String, String> fields) {
    try {
      return JSON.writeValueAsString(fields);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
