package dev.suppression.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class SmokeTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void boots() throws Exception {
        var r = mvc.post().uri("/bounces").contentType(MediaType.APPLICATION_JSON)
                .content("[{\"recipient\":\"A@Example.org\",\"diagnostic\":\"550 5.1.1 <a@example.org>: Recipient address rejected: User unknown\"},{\"recipient\":\"bad\"}]").exchange();
        System.out.println(r.getResponse().getContentAsString());
        var c = mvc.get().uri("/suppressions/a@example.org").exchange();
        System.out.println(c.getResponse().getContentAsString());
        var h = mvc.get().uri("/suppressions/a@example.org/history").exchange();
        System.out.println(h.getResponse().getContentAsString());
        var d = mvc.get().uri("/domains/example.org").exchange();
        System.out.println(d.getResponse().getContentAsString());
        var x = mvc.delete().uri("/suppressions/a@example.org").exchange();
        System.out.println(x.getResponse().getContentType() + " " + x.getResponse().getContentAsString());
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
    }
}
