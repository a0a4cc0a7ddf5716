package org.custodia.web.apireference;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.custodia.web.ConsolePage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /api-reference}: the API described for people, in the console's language, as an accessible page (Swagger UI
 * as shipped is not): what the API is, where its OpenAPI document is, and each tag's operations with the roles that
 * may call them, rendered on the server from the document springdoc serves at {@code /v3/api-docs}.
 */
@Controller
@ConsolePage
class ApiReferenceController {

    private static final Logger log = LoggerFactory.getLogger(ApiReferenceController.class);

    private final ObjectProvider<OpenApiWebMvcResource> openApi;
    private final ApiReference reference;
    private final String apiDocsPath;

    ApiReferenceController(ObjectProvider<OpenApiWebMvcResource> openApi, ApiReference reference,
                           @Value("${springdoc.api-docs.path:/v3/api-docs}") String apiDocsPath) {
        this.openApi = openApi;
        this.reference = reference;
        this.apiDocsPath = apiDocsPath;
    }

    @GetMapping("/api-reference")
    String page(HttpServletRequest request, Locale locale, Model model) {
        List<ApiReference.Tag> tags = List.of();
        OpenApiWebMvcResource resource = openApi.getIfAvailable();
        if (resource != null) {
            try {
                tags = reference.tags(resource.openapiJson(request, apiDocsPath, Locale.ENGLISH));
            } catch (Exception e) {
                log.warn("The OpenAPI document could not be read for the API reference page", e);
            }
        }
        model.addAttribute("tags", tags);
        model.addAttribute("apiDocsPath", apiDocsPath);
        model.addAttribute("operations", tags.stream().mapToInt(t -> t.operations().size()).sum());
        return "api-reference";
    }
}
