package dev.suppression.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.address.DomainName;
import dev.suppression.address.EmailAddress;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerificationRulesTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
            "gmial.com, gmail.com", "gamil.com, gmail.com", "gmail.con, gmail.com", "gmail.co, gmail.com",
            "gmailc.om, gmail.com", "hotmial.com, hotmail.com", "hotmaill.com, hotmail.com", "yahooo.com, yahoo.com",
            "outlook.cmo, outlook.com", "iclould.com, icloud.com", "comcast.ner, comcast.net",
            "protonmai.com, protonmail.com", "googlemial.com, googlemail.com"})
    void aLikelyTypoOfACommonMailboxDomainIsSuggested(String typed, String meant) {
        assertThat(TypoSuggestions.forDomain(DomainName.parse(typed))).isEqualTo(java.util.Optional.ofNullable(meant));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gmail.com", "mail.com", "ymail.com", "me.com", "mc.com", "gmx.de", "acme-corp.com", "yahoo.co.uk",
            "example.org", "hotmail.org.example"})
    void aRealOrUnrelatedDomainGetsNoSuggestion(String domain) {
        assertThat(TypoSuggestions.forDomain(DomainName.parse(domain))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"postmaster, true", "Info, true", "no-reply, true", "no_reply+x, true", "sales.team, false",
            "abuse, true", "jane, false", "information, false", "support+eu, true"})
    void roleAddressesNameAFunctionNotAPerson(String local, boolean role) {
        assertThat(RoleAddresses.isRole(EmailAddress.parse(local + "@example.com"))).isEqualTo(role);
    }

    @Test
    void aListedDisposableDomainCoversItsSubdomainsButNotItsParent() {
        var list = new DisposableDomains(Set.of("throwaway.example", "mail.tempbox.example"));

        assertThat(list.isDisposable(DomainName.parse("throwaway.example"))).isTrue();
        assertThat(list.isDisposable(DomainName.parse("x7.throwaway.example"))).isTrue();
        assertThat(list.isDisposable(DomainName.parse("tempbox.example"))).isFalse();
        assertThat(list.isDisposable(DomainName.parse("example.com"))).isFalse();
    }

    @Test
    void nothingCanBeSaidForCertainWithoutMailing() {
        var clean = new VerificationChecks(VerificationChecks.Syntax.VALID, null, VerificationChecks.OwnList.CLEAR,
                DomainCheck.UNKNOWN, "no answer within 2s", null, false, false, false,
                VerificationChecks.Unknowable.UNKNOWN, VerificationChecks.Unknowable.UNKNOWN);

        assertThat(clean.verdict()).isEqualTo(VerificationVerdict.DELIVERABLE_UNKNOWN);
        assertThat(clean.findings()).containsExactly("DNS did not answer for the domain (no answer within 2s); try again later");
    }
}
