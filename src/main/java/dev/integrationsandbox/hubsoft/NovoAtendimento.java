package dev.integrationsandbox.hubsoft;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /api/v1/integracao/atendimento}, read with HubSoft's rules: the seed's
 * fields, then the collection's {@code id_tipo_atendimento}, {@code parametros} and {@code
 * parametros_ordem_servico}.
 *
 * @param idTipoAtendimento null for the installation's default type (SAC)
 * @param idTipoOrdemServico null for the default service-order type (ABERTURA VIA API)
 * @param idsTecnicos empty for the default technician
 */
record NovoAtendimento(
    long idClienteServico,
    Long idTipoAtendimento,
    String descricao,
    String nome,
    String telefone,
    String email,
    boolean abrirOs,
    Object parametros,
    Long idTipoOrdemServico,
    String statusOrdemServico,
    List<Long> idsTecnicos) {

  /**
   * Reads a request body; anything but a JSON object reads as an empty one, as Laravel's input
   * does.
   *
   * @return the request, or null when {@code rules} collected errors
   */
  static NovoAtendimento read(Object body, Rules rules) {
    JsonObject in = body instanceof JsonObject o ? o : new JsonObject();
    Long idClienteServico =
        rules.requiredInteger("id_cliente_servico", in.getValue("id_cliente_servico"));
    Long idTipo = rules.integer("id_tipo_atendimento", in.getValue("id_tipo_atendimento"));
    String descricao = rules.requiredString("descricao", in.getValue("descricao"));
    String nome = rules.requiredString("nome", in.getValue("nome"));
    String telefone = rules.phone("telefone", in.getValue("telefone"));
    String email = rules.email("email", in.getValue("email"));
    boolean abrirOs = rules.bool("abrir_os", in.getValue("abrir_os"), false);
    Object parametros = rules.array("parametros", in.getValue("parametros"));
    Object os = in.getValue("parametros_ordem_servico");
    Long idTipoOs = null;
    String statusOs = null;
    List<Long> tecnicos = new ArrayList<>();
    if (os != null && !(os instanceof JsonObject)) {
      rules.array("parametros_ordem_servico", os);
    } else if (os instanceof JsonObject p) {
      idTipoOs =
          rules.integer(
              "parametros_ordem_servico.id_tipo_ordem_servico",
              p.getValue("id_tipo_ordem_servico"));
      statusOs =
          rules.oneOf(
              "parametros_ordem_servico.status",
              p.getValue("status"),
              OrdemServico.STATUS_ABERTURA);
      Object ids = p.getValue("ids_tecnicos");
      if (ids instanceof JsonArray list) {
        for (int i = 0; i < list.size(); i++) {
          Long id = rules.integer("parametros_ordem_servico.ids_tecnicos." + i, list.getValue(i));
          if (id != null) {
            tecnicos.add(id);
          }
        }
      } else if (ids != null) {
        rules.array("parametros_ordem_servico.ids_tecnicos", ids);
      }
    }
    if (!rules.ok()) {
      return null;
    }
    return new NovoAtendimento(
        idClienteServico,
        idTipo,
        descricao,
        nome,
        telefone,
        email,
        abrirOs,
        parametros,
        idTipoOs,
        statusOs,
        List.copyOf(tecnicos));
  }
}
