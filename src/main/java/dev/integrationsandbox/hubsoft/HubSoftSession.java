package dev.integrationsandbox.hubsoft;

/**
 * Who is calling the API: the OAuth client whose token was presented (which names the HubSoft
 * installation) and the API user it was issued to (who opens the atendimentos).
 */
record HubSoftSession(OAuthClient client, OAuthClient.ApiUser user) {}
