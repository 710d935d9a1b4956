package dev.suppression.dsn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.suppression.bounce.BounceReport;
import dev.suppression.bounce.Submission;
import dev.suppression.classification.BounceClassifier;
import dev.suppression.classification.BounceReason;
import dev.suppression.classification.Classification;
import dev.suppression.classification.SmtpStage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rule over every bounce fixture, one row per failed recipient: the message is read into the right
 * recipients, with the SMTP stage and the host that refused each, and only a mailbox or domain that does not
 * exist, refused at RCPT, suppresses; policy blocks, spam verdicts, authentication failures, full or disabled
 * mailboxes, delays, expiries and anything refused before RCPT or after DATA never do.
 */
class BounceFixtureClassificationTests {

    private final BounceMessageParser parser = new BounceMessageParser();
    private final BounceClassifier classifier = new BounceClassifier();

    /**
     * One row per failed recipient of every bounce fixture. "suppresses" is the issue 12 rule: a hard bounce
     * (the mailbox or domain does not exist) at a stage that concerns the recipient ({@code RCPT}, or a stage the
     * bounce does not tell); a refusal at connect, HELO, MAIL FROM or after DATA never suppresses.
     */
    @ParameterizedTest(name = "{0} {1} -> {2} / {3} at {4} by {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # fixture                                         | recipient                             | classification | reason             | stage   | remote host                                   | suppresses
            activehunter-no-mailbox.eml                       | emi.aoki@tansy.example                | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | ah.tansy.example                              | true
            activehunter-over-quota.eml                       | goro.ishii@tansy.example              | MAILBOX_FULL   | MAILBOX_FULL       | UNKNOWN | ah.tansy.example                              | false
            amazonses-dsn-mailbox-full.eml                    | fran.ortiz@harborview.example         | MAILBOX_FULL   | MAILBOX_FULL       | UNKNOWN | mx.harborview.example                         | false
            amazonses-plain-user-unknown.eml                  | gus.wells@harborview.example          | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.harborview.example                         | true
            amazonses-sns-json-bare.eml                       | nora.bell@harborview.example          | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | 192.0.2.71                                    | true
            amazonses-sns-json-envelope.eml                   | otto.reed@harborview.example          | POLICY         | BLOCKED            | UNKNOWN | 192.0.2.71                                    | false
            amazonses-sns-json-unsubscribe-footer.eml         | lea.marsh@harborview.example          | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | 192.0.2.71                                    | true
            amazonworkmail-mailbox-full.eml                   | bo.grant@tidewater.example            | MAILBOX_FULL   | MAILBOX_FULL       | UNKNOWN | mx.tidewater.example                          | false
            amazonworkmail-user-unknown.eml                   | kim.lowe@tidewater.example            | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.tidewater.example                          | true
            aol-rate-limited.eml                              | gran.june@aol.example                 | TRANSIENT      | RATE_LIMITED       | UNKNOWN | sonic310-12.consmr.mail.ne1.yahoo.com         | false
            aol-user-unknown.eml                              | oldtimer88@aol.example                | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | sonic310-11.consmr.mail.ne1.yahoo.com         | true
            apachejames-no-such-user.eml                      | clara.vine@sorrel.example             | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | james.sorrel.example                          | true
            apachejames-relay-denied.eml                      | dirk.reed@sorrel-partner.example      | POLICY         | RELAYING_DENIED    | UNKNOWN | james.sorrel.example                          | false
            awkward-final-recipient-empty-original-recipient.eml | ines.moll@quartz-post.example         | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.relay-one.example                          | true
            awkward-final-recipient-x400-type.eml             | pavel.dvorak@quartz-post.example      | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.relay-one.example                          | true
            awkward-html-only-notice.eml                      | vera.holm@quartz-post.example         | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.relay-one.example                          | true
            awkward-no-blank-line-after-headers.eml           | oren.katz@sprucewood-mail.example     | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | 192.0.2.5                                     | true
            awkward-original-recipient-only.eml               | rhea.sol@quartz-post.example          | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.relay-one.example                          | true
            awkward-qp-soft-break-in-address.eml              | wenzel.arnulf-longname-for-wrap@quartz-post.example | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx.quartz-post.example                        | true
            awkward-utf16-text.eml                            | yusuf.demir@quartz-post.example       | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx.quartz-post.example                        | true
            awkward-x-failed-recipients-only.eml              | ugo.ferri@quartz-post.example         | UNDETERMINED   | UNDETERMINED       | UNKNOWN | box.relay-one.example                         | false
            awkward-utf8-bom-before-headers.eml               | zora.quist@larch-mail.example         | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx.larch-mail.example                         | true
            barracuda-spam.eml                                | ned.ross@willowbank.example           | POLICY         | BLOCKED            | DATA    | barracuda.willowbank.example                  | false
            barracuda-user-unknown.eml                        | lou.park@willowbank.example           | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | exch.willowbank.example                       | true
            biglobe-mailbox-full.eml                          | aoi.fuji@biglobe-member.example       | MAILBOX_FULL   | MAILBOX_FULL       | UNKNOWN | mail.biglobe-member.example                   | false
            biglobe-user-unknown.eml                          | riku.oda@biglobe-member.example       | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mail.biglobe-member.example                   | true
            courier-over-quota.eml                            | sue.gale@ivyleague.example            | MAILBOX_FULL   | MAILBOX_FULL       | UNKNOWN | mx.ivyleague.example                          | false
            courier-user-unknown.eml                          | rob.fenn@ivyleague.example            | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx.ivyleague.example                          | true
            docomo-filtered.eml                               | mei.k@docomo-mobile.example           | POLICY         | POLICY             | UNKNOWN | mfsmax.docomo.ne.jp                           | false
            docomo-user-unknown.eml                           | kaito.n@docomo-mobile.example         | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mfsmax.docomo.ne.jp                           | true
            domino-cannot-route.eml                           | gil.marsh@hazel-group.example         | POLICY         | POLICY             | UNKNOWN | notes.hazel-group.example                     | false
            domino-user-unknown.eml                           | beth.carr@hazel-group.example         | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | notes.hazel-group.example                     | true
            dragonfly-unauthenticated.eml                     | oskar.lind@gmail.example              | POLICY         | AUTHENTICATION     | DATA    | mx1.gmail.example                             | false
            dsn-delayed.eml                                   | ops@slowmail.example                  | TRANSIENT      | NETWORK            | UNKNOWN | mail.shop.example                             | false
            dsn-exim-generic-status.eml                       | m.brown@fabrikam.example              | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx.fabrikam.example                           | true
            dsn-exim-generic-status.eml                       | support-desk@fabrikam.example         | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx.fabrikam.example                           | true
            dsn-final-recipient-without-domain.eml            | ella.frost@juniper-isp.example        | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.juniper-isp.example                        | true
            dsn-gmail-dmarc.eml                               | lena.fischer@gmail.example            | POLICY         | AUTHENTICATION     | DATA    | gmail-smtp-in.l.google.com                    | false
            dsn-gmail.eml                                     | olivia.hart@adatum.example            | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx1.adatum.example                            | true
            dsn-icloud-over-quota.eml                         | chloe.martin@icloud.example           | MAILBOX_FULL   | MAILBOX_FULL       | RCPT    | mx01.mail.icloud.example                      | false
            dsn-message-too-big.eml                           | finance@litware-corp.example          | POLICY         | MESSAGE_TOO_BIG    | DATA    | mx.litware-corp.example                       | false
            dsn-multiple-recipients.eml                       | r.ito@tailspin.example                | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.tailspin.example                           | true
            dsn-multiple-recipients.eml                       | sales@tailspin.example                | MAILBOX_FULL   | MAILBOX_FULL       | UNKNOWN | mx.tailspin.example                           | false
            dsn-null-mx.eml                                   | contact@parked-domain.example         | BAD_DOMAIN     | NOT_ACCEPTING_MAIL | UNKNOWN | mail.shop.example                             | true
            dsn-office365.eml                                 | hans.weber@woodgrove.example          | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | woodgrove-example.mail.protection.outlook.com | true
            dsn-policy-block.eml                              | accounts@contoso-fabrics.example      | POLICY         | BLOCKED            | DATA    | mx.contoso-fabrics.example                    | false
            dsn-rate-limited-delayed.eml                      | pat.jones@yahoo.example               | TRANSIENT      | RATE_LIMITED       | MAIL    | mta7.am0.yahoodns.example                     | false
            dsn-sender-rejected.eml                           | it@wingtip-toys.example               | POLICY         | SENDER_REJECTED    | RCPT    | mail.wingtip-toys.example                     | false
            dsn-status-part-relabelled-text-plain.eml         | nell.greer@hawthorn-isp.example       | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | store.hawthorn-isp.example                    | true
            dsn-spam-detected.eml                             | tom.baker@contoso-gw.example          | POLICY         | SPAM_DETECTED      | DATA    | aspmx.l.google.com                            | false
            dsn-without-action.eml                            | finn.hay@juniper-isp.example          | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx2.juniper-isp.example                       | true
            dutch.eml                                         | sanne.devries@voorbeeld-bv.example    | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx.voorbeeld-bv.example                       | true
            forwarded-by-postmaster-fw-exchange.eml           | moritz.engel@cedar-holdings.example   | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | exch01.cedar-holdings.example                 | true
            forwarded-apple-quoted-exim-blocklisted.eml       | selma.aydin@quarry-hosting.example    | POLICY         | BLOCKED            | RCPT    | mx.quarry-hosting.example                     | false
            forwarded-attached-postfix-dsn.eml                | arvid.holm@fjordline-mail.example     | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx2.fjordline-mail.example                    | true
            forwarded-german-html-wg.eml                      | lotte.berg@waldhaus-net.example       | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | store.waldhaus-net.example                    | true
            forwarded-inline-gmail-banner.eml                 | kofi.mensah@lagoon-mail.example       | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | googlemail.com                                | true
            forwarded-outlook-original-message.eml            | ines.carvalho@brightwater-corp.example | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | bn8pr11mb.brightwater-corp.example            | true
            exchange-2003.eml                                 | d.okafor@tailwind-traders.example     | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mail.tailwind-traders.example                 | true
            exchange-ndr-policy.eml                           | purchasing@northwindtraders.example   | POLICY         | POLICY             | UNKNOWN | am9pr03mb7120.eurprd03.prod.outlook.com       | false
            exchange-ndr.eml                                  | maria.rossi@fourthcoffee.example      | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | ex01.corp.fourthcoffee.example                | true
            exchange2003-mailbox-full.eml                     | ruth.ames@elmstreet.example           | MAILBOX_FULL   | MAILBOX_FULL       | UNKNOWN | mail.elmstreet.example                        | false
            exchange2003-user-unknown.eml                     | max.rowe@elmstreet.example            | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mail.elmstreet.example                        | true
            exchange2007-mailbox-full.eml                     | lars.frey@silverlake.example          | MAILBOX_FULL   | MAILBOX_FULL       | UNKNOWN | ex02.corp.silverlake.example                  | false
            exchange2007-user-unknown.eml                     | tina.moss@silverlake.example          | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | ex02.corp.silverlake.example                  | true
            exim-auto-submitted-user-unknown.eml              | rita.gomes@lagunaverde.example        | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx1.lagunaverde.example                       | true
            exim-blacklisted-after-mail-from.eml              | hugo.marchetti@lagunaverde.example    | POLICY         | BLOCKED            | MAIL    | mx1.lagunaverde.example                       | false
            exim-content-after-end-of-data.eml                | lea.novak@lagunaverde.example         | POLICY         | POLICY             | DATA    | mx1.lagunaverde.example                       | false
            exim-delayed.eml                                  | w.chen@graylisting.example            | TRANSIENT      | POLICY             | RCPT    | mx.graylisting.example                        | false
            exim-expired.eml                                  | info@unreachable-shop.example         | TRANSIENT      | EXPIRED            | UNKNOWN | box123.exim-host.example                      | false
            exim-gmx.eml                                      | jonas.becker@gmx.example              | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx00.emig.gmx.example                         | true
            exim-percent-hack.eml                             | tom%oldbox.example@gateway.example    | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx.gateway.example                            | true
            exim-system-error.eml                             | desk@humongous-ins.example            | TRANSIENT      | SYSTEM             | DATA    | mail.humongous-ins.example                    | false
            exim.eml                                          | l.garcia@proseware.example            | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx01.proseware.example                        | true
            exim.eml                                          | sales@nonexistent-proseware.example   | BAD_DOMAIN     | HOST_UNKNOWN       | UNKNOWN | box123.exim-host.example                      | true
            ezweb-rejected-transcript.eml                     | ren.abe@ezweb-mobile.example          | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx.ezweb-mobile.example                       | true
            ezweb-user-unknown.eml                            | sora.ito@ezweb-mobile.example         | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx.ezweb-mobile.example                       | true
            facebook-policy.eml                               | ora.bates@facebook.example            | POLICY         | POLICY             | UNKNOWN | smtpin.mx.facebook.example                    | false
            facebook-user-unknown.eml                         | neo.barker@facebook.example           | UNDETERMINED   | FILTERED           | UNKNOWN | smtpin.mx.facebook.example                    | false
            fml-not-member.eml                                | club@lists.yarrow.example             | POLICY         | POLICY             | UNKNOWN | lists.yarrow.example                          | false
            fml-rejected-spammer.eml                          | news@lists.yarrow.example             | POLICY         | SPAM_DETECTED      | UNKNOWN | lists.yarrow.example                          | false
            french.eml                                        | jean.dupont@exemple-sarl.example      | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.exemple-sarl.example                       | true
            german.eml                                        | max.mustermann@beispiel-gmbh.example  | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.beispiel-gmbh.example                      | true
            gmail-address-not-found-plain.eml                 | wren.oak@fernhill.example             | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | googlemail.com                                | true
            gmail-dsn-missing-start-boundary.eml              | june.ray@fernhill.example             | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.fernhill.example                           | true
            gmail-dsn-spam-after-data.eml                     | cole.finch@fernhill.example           | POLICY         | SPAM_DETECTED      | DATA    | mx.fernhill.example                           | false
            gmx-mailbox-unavailable.eml                       | felix.braun@gmx.example               | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx00.emig.gmx.example                         | true
            google-address-not-found.eml                      | emma.schulz@gmail.example             | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | googlemail.com                                | true
            google-groups-french.eml                          | benevoles@association-lumiere.example | POLICY         | SENDER_REJECTED    | DATA    | mail-yw1-f200.google.com                      | false
            google-groups-not-permitted.eml                   | partners@meadowcoop.example           | POLICY         | SENDER_REJECTED    | DATA    | mail-yw1-f199.google.com                      | false
            google-plain.eml                                  | noah.lee@contoso-mail.example         | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.contoso-mail.example                       | true
            google-workspace-disabled.eml                     | k.nakamura@fabrikam-ws.example        | UNDETERMINED   | MAILBOX_DISABLED   | UNKNOWN | aspmx.l.google.com                            | false
            gsuite-delayed.eml                                | ada.pike@acornlegal.example           | TRANSIENT      | NETWORK            | UNKNOWN | googlemail.com                                | false
            gsuite-user-unknown.eml                           | hal.dorn@acornlegal.example           | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | googlemail.com                                | true
            haraka-relay-denied.eml                           | ana.silva@old-isp.example             | POLICY         | RELAYING_DENIED    | UNKNOWN | smtp.old-isp.example                          | false
            icloud-spam-after-data.eml                        | ana.rio@icloud.example                | POLICY         | POLICY             | DATA    | mx02.mail.icloud.example                      | false
            icloud-user-unknown-dsn.eml                       | theo.ng@icloud.example                | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx01.mail.icloud.example                      | true
            icloud-user-unknown.eml                           | lucas.petit@me.example                | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx02.mail.icloud.example                      | true
            imail-remote-response.eml                         | bram.oake@juniper-partner.example     | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | imail.juniper-net.example                     | true
            imail-unknown-user.eml                            | ann.hale@juniper-net.example          | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | imail.juniper-net.example                     | true
            interscan-rejected-at-data.eml                    | saki.ueda@lotus-bay.example           | POLICY         | POLICY             | DATA    | imss.lotus-bay.example                        | false
            interscan-user-unknown.eml                        | kenji.mori@lotus-bay.example          | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | imss.lotus-bay.example                        | true
            italian.eml                                       | marco.bianchi@esempio-srl.example     | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.esempio-srl.example                        | true
            kddi-mailbox-full.eml                             | haru.sato@au-mobile.example           | MAILBOX_FULL   | MAILBOX_FULL       | UNKNOWN | mx.au-mobile.example                          | false
            kddi-relay-error.eml                              | yui.mori@au-mobile.example            | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx.au-mobile.example                          | true
            lastresort-angle-address-near-failure-words.eml   | piet.kok@juniperhill.example          | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | relay.juniperhill.example                     | true
            lastresort-final-recipient-display-name.eml       | ulla.berg@marigold-mail.example       | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | relay.marigold-mail.example                   | true
            lastresort-final-recipient-without-type.eml       | ivo.marx@sorrelpine.example           | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | store.sorrelpine.example                      | true
            lastresort-flattened-final-recipient-without-type.eml | jana.holm@sorrelpine.example          | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | store.sorrelpine.example                      | true
            lastresort-original-recipient-in-text.eml         | hugo.brandt@quillfield.example        | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | gw.quillfield.example                         | true
            lastresort-recipient-after-label.eml              | mira.lund@elderbay.example            | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | post.elderbay.example                         | true
            lastresort-returned-to-only.eml                   | rosa.pike@cloverdale.example          | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | smtp.cloverdale.example                       | true
            lastresort-x-failed-recipients-only.eml           | otto.vogt@thistle-host.example        | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mail.thistle-host.example                     | true
            lastresort-unknown-user-label.eml                 | tove.sand@larkspur-net.example        | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.larkspur-net.example                       | true
            dsn-status-holds-reply.eml                        | wim.blok@primrose-mail.example        | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | in.primrose-mail.example                      | true
            mailer-daemon-unbranded-original-to-quoted.eml    | hugh.lane@hollybrook.example          | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.hollybrook.example                         | true
            mailer-daemon-unbranded-recipient-in-sentence.eml | gale.winter@hollybrook.example        | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.hollybrook.example                         | true
            mailgun-blocked.eml                               | dee.ward@quarrypoint.example          | POLICY         | BLOCKED            | UNKNOWN | mx.quarrypoint.example                        | false
            mailgun-user-unknown.eml                          | sam.gill@quarrypoint.example          | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.quarrypoint.example                        | true
            mailmarshal-mailbox-full.eml                      | gus.hart@thistle.example              | MAILBOX_FULL   | MAILBOX_FULL       | UNKNOWN | 192.0.2.112                                   | false
            mailmarshal-user-unknown.eml                      | fay.dunn@thistle.example              | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | 192.0.2.111                                   | true
            mailru-spam.eml                                   | lena.s@mail-ru.example                | POLICY         | SPAM_DETECTED      | DATA    | mxs.mail-ru.example                           | false
            mailru-user-unknown.eml                           | ivan.petrov@mail-ru.example           | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mxs.mail-ru.example                           | true
            mandrill-mailbox-full.eml                         | amy.rhodes@lindenhall.example         | MAILBOX_FULL   | MAILBOX_FULL       | UNKNOWN | mx.lindenhall.example                         | false
            mandrill-user-unknown.eml                         | ray.shaw@lindenhall.example           | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.lindenhall.example                         | true
            mcafee-blocked.eml                                | lia.moor@hawthorn.example             | POLICY         | POLICY             | DATA    | mcafee-gw.hawthorn.example                    | false
            mcafee-user-unknown.eml                           | ken.lowry@hawthorn.example            | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mcafee-gw.hawthorn.example                    | true
            messagelabs-blocked.eml                           | vic.hale@ashgrove.example             | POLICY         | BLOCKED            | UNKNOWN | mail.ashgrove.example                         | false
            messagelabs-user-unknown.eml                      | tess.quinn@ashgrove.example           | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mail.ashgrove.example                         | true
            messagingserver-plain-mailbox-full.eml            | walt.pryce@redwood.example            | MAILBOX_FULL   | MAILBOX_FULL       | UNKNOWN | mx.redwood.example                            | false
            messagingserver-user-unknown.eml                  | una.vance@redwood.example             | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.redwood.example                            | true
            mfilter-spam-at-data.eml                          | hana.kato@kaisha.example              | POLICY         | SPAM_DETECTED      | DATA    | gw.mfilter-corp.example                       | false
            mfilter-user-unknown.eml                          | taro.yama@kaisha.example              | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | gw.mfilter-corp.example                       | true
            mimecast-blocked.eml                              | ivy.crane@stonebridge.example         | POLICY         | BLOCKED            | UNKNOWN | mx.stonebridge.example                        | false
            mimecast-user-unknown.eml                         | hank.bolt@stonebridge.example         | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.stonebridge.example                        | true
            mxlogic-blocked.eml                               | quin.hale@maplecourt.example          | POLICY         | BLOCKED            | MAIL    | mail.maplecourt.example                       | false
            mxlogic-user-unknown.eml                          | pat.ryan@maplecourt.example           | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mail.maplecourt.example                       | true
            notes-hop-count.eml                               | eli.swan@quince.example               | ROUTING        | NETWORK            | UNKNOWN | notes.quince.example                          | false
            notes-user-unknown.eml                            | dora.finch@quince.example             | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | notes.quince.example                          | true
            office365-banned-sending-ip.eml                   | mila.sand@rivertown.example           | POLICY         | BLOCKED            | UNKNOWN | am8pr03mb9901.eurprd03.prod.outlook.com       | false
            office365-dsn-disabled.eml                        | pete.yoon@rivertown.example           | POLICY         | AUTHENTICATION     | UNKNOWN | am8pr03mb9902.eurprd03.prod.outlook.com       | false
            office365-recipient-not-found-no-boundary.eml     | jonas.kirk@rivertown.example          | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | am8pr03mb9901.eurprd03.prod.outlook.com       | true
            outlook-hotmail-blocked.eml                       | jess.lo@hotmail.example               | POLICY         | BLOCKED            | UNKNOWN | hotmail-example.olc.protection.outlook.com    | false
            outlook-hotmail-user-unknown.eml                  | surf.kid2001@hotmail.example          | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | hotmail-example.olc.protection.outlook.com    | true
            portuguese.eml                                    | joao.souza@exemplo-lda.example        | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.exemplo-lda.example                        | true
            postfix-dsn-helo-rejected.eml                     | karl.vos@dune-logistics.example       | POLICY         | POLICY             | HELO    | mx.dune-logistics.example                     | false
            postfix-dsn-mailbox-full.eml                      | bea.lund@birchwood.example            | MAILBOX_FULL   | MAILBOX_FULL       | RCPT    | mx.birchwood.example                          | false
            postfix-dsn-user-unknown.eml                      | jane.doe@northwind.example            | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx1.northwind.example                         | true
            postfix-plain-policy-after-mail-from.eml          | ingrid.holm@fjordline.example         | POLICY         | BLOCKED            | MAIL    | mx.fjordline.example                          | false
            postfix-plain-quoted-local-part.eml               | "neko..nyaan..."@catworks.example     | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx2.catworks.example                          | true
            postfix-plain-spam-after-data.eml                 | olaf.berg@fjordline.example           | POLICY         | SPAM_DETECTED      | DATA    | mx.fjordline.example                          | false
            postfix-plain.eml                                 | a.kumar@relecloud.example             | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx2.relecloud.example                         | true
            postmark-spam.eml                                 | zoe.marsh@brightfield.example         | POLICY         | SPAM_DETECTED      | UNKNOWN | mx.brightfield.example                        | false
            postmark-user-unknown.eml                         | roy.lamb@brightfield.example          | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.brightfield.example                        | true
            powermta-bad-mailbox.eml                          | r.mehta@tailspin-mail.example         | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | 203.0.113.140                                 | true
            proofpoint-blocked.eml                            | kit.dale@granitecorp.example          | POLICY         | POLICY             | DATA    | mail.granitecorp.example                      | false
            proofpoint-user-unknown.eml                       | joy.burke@granitecorp.example         | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mail.granitecorp.example                      | true
            qmail-content-after-data.eml                      | ole.dahl@pinecrest.example            | POLICY         | POLICY             | DATA    | 192.0.2.43                                    | false
            qmail-helo-rejected.eml                           | eva.lind@pinecrest.example            | POLICY         | BLOCKED            | HELO    | 192.0.2.42                                    | false
            qmail-host-not-found.eml                          | sara@nowhere-pinecrest.example        | BAD_DOMAIN     | HOST_UNKNOWN       | UNKNOWN | q1.qmail-relay.example                        | true
            qmail-sender-rejected.eml                         | nils.aho@pinecrest.example            | POLICY         | POLICY             | MAIL    | 192.0.2.41                                    | false
            qmail.eml                                         | peter.smith@litware.example           | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | 192.0.2.81                                    | true
            qmail-does-not-like-recipient-without-reply.eml   | tariq.nasser@moorland-isp.example     | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | 198.51.100.61                                 | true
            qmail-onhold-queue-too-long.eml                   | ylva.strand@moorland-isp.example      | UNDETERMINED   | UNDETERMINED       | RCPT    | 198.51.100.62                                 | false
            receivingses-mailbox-does-not-exist.eml           | kenji.mori@inbound-rules.example      | UNDETERMINED   | FILTERED           | UNKNOWN | a27-41.smtp-out.us-west-2.amazonses.com       | false
            receivingses-message-too-large.eml                | tove.berg@inbound-rules.example       | POLICY         | MESSAGE_TOO_BIG    | UNKNOWN | a27-41.smtp-out.us-west-2.amazonses.com       | false
            qmail.eml                                         | info@qmail-host.example               | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.qmail-host.example                         | true
            sendgrid-expired.eml                              | lee.hart@slowriver.example            | TRANSIENT      | EXPIRED            | UNKNOWN | mx.slowriver.example                          | false
            sendgrid-user-unknown.eml                         | mo.hale@slowriver.example             | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.slowriver.example                          | true
            sendmail-dsn-generic-mailbox-status.eml           | yuki.sato@mobile-carrier.example      | UNDETERMINED   | FILTERED           | DATA    | mx3.mobile-carrier.example                    | false
            sendmail-dsn-mailbox-full.eml                     | anna.berg@oakridge.example            | MAILBOX_FULL   | MAILBOX_FULL       | RCPT    | mx.oakridge.example                           | false
            sendmail-dsn-moved.eml                            | g.russo@adventure-works.example       | USER_UNKNOWN   | MAILBOX_MOVED      | RCPT    | mx.adventure-works.example                    | true
            sendmail-plain-sender-rejected-at-mail.eml        | jan.ek@oakridge.example               | POLICY         | SENDER_REJECTED    | MAIL    | mx.oakridge.example                           | false
            sendmail-plain-spam-after-data.eml                | pia.koch@oakridge.example             | POLICY         | SPAM_DETECTED      | DATA    | mx.oakridge.example                           | false
            sendmail-plain.eml                                | f.martin@oldhost.example              | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx.oldhost.example                            | true
            ses-dsn.eml                                       | omar.haddad@margie-travel.example     | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.margie-travel.example                      | true
            spanish.eml                                       | lucia.gomez@ejemplo-sa.example        | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.ejemplo-sa.example                         | true
            sparkpost-policy.eml                              | eli.moon@coppergate.example           | POLICY         | POLICY             | UNKNOWN | mx.coppergate.example                         | false
            sparkpost-user-unknown.eml                        | ian.fox@coppergate.example            | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.coppergate.example                         | true
            trendmicro-spam.eml                               | xena.lord@cedarpoint.example          | POLICY         | SPAM_DETECTED      | DATA    | mail.cedarpoint.example                       | false
            trendmicro-user-unknown.eml                       | wes.lyon@cedarpoint.example           | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mail.cedarpoint.example                       | true
            v5sendmail-open-relay-refused.eml                 | ida.mays@oldiron-partner.example      | POLICY         | BLOCKED            | MAIL    | mx.oldiron-partner.example                    | false
            v5sendmail-user-unknown.eml                       | hal.oates@oldiron-partner.example     | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx.oldiron-partner.example                    | true
            verizon-no-boundary-parameter.eml                 | 5551234567@vtext.example              | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | vtext.com                                     | true
            verizon-policy.eml                                | carl.w@verizon.example                | POLICY         | POLICY             | DATA    | verizon.net                                   | false
            webde-rejected-ip.eml                             | jana.wolf@webde.example               | POLICY         | POLICY             | MAIL    | mx-ha.webde.example                           | false
            x1-mailbox-full.eml                               | vera.holt@mulberry.example            | MAILBOX_FULL   | MAILBOX_FULL       | UNKNOWN | x1.mulberry.example                           | false
            x1-user-unknown.eml                               | ulla.berg@mulberry.example            | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | x1.mulberry.example                           | true
            x2-no-account.eml                                 | wade.ring@nettle.example              | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | nettle.example                                | true
            x2-over-quota.eml                                 | xavi.sol@nettle.example               | MAILBOX_FULL   | MAILBOX_FULL       | UNKNOWN | nettle.example                                | false
            x3-blocked-at-mail.eml                            | zack.ford@sage-partner.example        | POLICY         | BLOCKED            | MAIL    | 192.0.2.122                                   | false
            x3-no-such-user.eml                               | yara.bond@sage-partner.example        | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | 192.0.2.121                                   | true
            x4-qmail-clone-mailbox-full.eml                   | dana.ruz@hillside.example             | MAILBOX_FULL   | MAILBOX_FULL       | RCPT    | 192.0.2.52                                    | false
            x4-qmail-clone-user-unknown.eml                   | ivo.kral@hillside.example             | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | 192.0.2.51                                    | true
            x5-nested-mailbox-full.eml                        | bea.quan@tarragon-partner.example     | MAILBOX_FULL   | MAILBOX_FULL       | UNKNOWN | mx.tarragon-partner.example                   | false
            x5-nested-user-unknown.eml                        | abe.lin@tarragon-partner.example      | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.tarragon-partner.example                   | true
            x6-rejected-at-data.eml                           | dina.cross@fennel-partner.example     | POLICY         | POLICY             | DATA    | mta2.fennel-partner.example                   | false
            x6-rejected-recipient.eml                         | cyd.rowe@fennel-partner.example       | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mta2.fennel-partner.example                   | true
            yahoo-blocked.eml                                 | ken.ito2@yahoo.example                | POLICY         | POLICY             | UNKNOWN | sonic301-2.consmr.mail.bf2.yahoo.com          | false
            yahoo-over-quota.eml                              | meg.s@yahoo.example                   | MAILBOX_FULL   | MAILBOX_FULL       | UNKNOWN | sonic301-3.consmr.mail.bf2.yahoo.com          | false
            yahoo.eml                                         | sam.taylor1987@yahoo.example          | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | sender.shop.example                           | true
            yandex-spam.eml                                   | olga.k@yandex.example                 | POLICY         | SPAM_DETECTED      | DATA    | mx.yandex.example                             | false
            yandex-user-unknown.eml                           | pavel.orlov@yandex.example            | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx.yandex.example                             | true
            zoho-policy.eml                                   | nina.p@zohocustomer.example           | POLICY         | AUTHENTICATION     | UNKNOWN | mx.zohocustomer.example                       | false
            zoho-user-unknown.eml                             | ravi.k@zohocustomer.example           | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.zohocustomer.example                       | true
            amavis-blocked-spam.eml                           | yara.finch@cedarhill.example          | POLICY         | SPAM_DETECTED      | UNKNOWN | filter.cedarhill.example                      | false
            amavis-user-unknown.eml                           | zed.hart@cedarhill.example            | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mail.cedarhill.example                        | true
            bigfoot-invalid-recipient.eml                     | xena.doyle@bigfoot.example            | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx.bigfoot.example                            | true
            dragonfly-host-not-found.eml                      | bo.lund@no-such-fjord.example         | BAD_DOMAIN     | HOST_UNKNOWN       | UNKNOWN | relay.bluebird-books.example                  | true
            dragonfly-mailbox-full.eml                        | ada.roth@fjord-mail.example           | MAILBOX_FULL   | MAILBOX_FULL       | RCPT    | mx.fjord-mail.example                         | false
            einsundeins-message-too-big.eml                   | rhea.vogel@lindenhof.example          | POLICY         | MESSAGE_TOO_BIG    | UNKNOWN | mx.shop.example                               | false
            einsundeins-user-unknown.eml                      | otis.brandt@lindenhof.example         | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx01.lindenhof.example                        | true
            mailfoundry-mailbox-full.eml                      | ugo.pratt@quarry.example              | MAILBOX_FULL   | MAILBOX_FULL       | UNKNOWN | mx22.quarry.example                           | false
            mailfoundry-no-such-user.eml                      | tess.marlow@quarry.example            | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx22.quarry.example                           | true
            opensmtpd-mailbox-full.eml                        | wren.hollis@aspen-mail.example        | MAILBOX_FULL   | MAILBOX_FULL       | UNKNOWN | mail.birchwood.example                        | false
            opensmtpd-user-unknown.eml                        | quill.maddox@aspen-mail.example       | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mail.birchwood.example                        | true
            opensmtpd-user-unknown.eml                        | penn.arlo@aspen-mail.example          | POLICY         | BLOCKED            | UNKNOWN | mail.birchwood.example                        | false
            surfcontrol-blocked.eml                           | walt.ives@granite-partner.example     | POLICY         | BLOCKED            | UNKNOWN | 192.0.2.6                                     | false
            surfcontrol-no-such-user.eml                      | vera.quist@granite.example            | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | 192.0.2.5                                     | true
            telekom-quota-exceeded.eml                        | cleo.kraft@t-online.example           | MAILBOX_FULL   | MAILBOX_FULL       | UNKNOWN | mailout11.t-online.example                    | false
            telekom-smail-unknown-host.eml                    | dora.lang@no-such-elm.example         | BAD_DOMAIN     | HOST_UNKNOWN       | UNKNOWN | mx.shop.example                               | true
            dsn-base64-delivery-status.eml                    | lena.park@vendor.example              | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx2.vendor.example                            | true
            postfix-plain-japanese.eml                        | taro.yamada@sakura-net.example        | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx.sakura-net.example                         | true
            yahoo-mailbox-disabled.eml                        | lost.soul@yahoo.example               | UNDETERMINED   | MAILBOX_DISABLED   | UNKNOWN | yahoo.example                                 | false
            exim-after-data-recipient-filter.eml              | ola.berg@pine-partner.example         | USER_UNKNOWN   | USER_UNKNOWN       | DATA    | mx.pine-partner.example                       | false
            postfix-report-without-boundary.eml               | "j.doe..x"@oak-partner.example        | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx.oak-partner.example                        | true
            exchange2010-recipnotfound-text.eml               | mark.vance@corp.example               | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | ex01.corp.example                             | true
            dsn-flattened-into-text.eml                       | rosa.king@maple-partner.example       | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.maple-partner.example                      | true
            exim-automatically-created-variant.eml            | wes.fir@fir-partner.example           | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mail.fir.example                              | true
            courier-plain-transcript.eml                      | xia.yew@yew.example                   | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx.yew-partner.example                        | true
            mailer-daemon-auto-submitted-recipient-form.eml   | zoe.lime@lime-partner.example         | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | relay.lime.example                            | true
            mailer-daemon-failed-recipient-form.eml           | vic.ash@ash.example                   | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.ash.example                                | true
            sendmail-plain-transcript-only.eml                | sam.cole@birch-partner.example        | USER_UNKNOWN   | USER_UNKNOWN       | RCPT    | mx.birch-partner.example                      | true
            domino-not-listed-in-directory.eml                | tina.lake@elm.example                 | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | notes.elm.example                             | true
            googleworkspace-send-mail-as.eml                  | quinn.abbott@birchpartners.example    | POLICY         | SENDER_REJECTED    | UNKNOWN | mail-sor-f69.google.com                       | false
            notes-japanese-recipient-in-returned-message.eml  | haru.mori@kaede.example               | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.shop.example                               | true
            amazonses-sns-json-base64.eml                     | ivy.north@harborview.example          | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | 192.0.2.71                                    | true
            mailer-daemon-quoted-headers-without-banner.eml   | gil.rowan@rowan.example               | USER_UNKNOWN   | USER_UNKNOWN       | UNKNOWN | mx.rowan.example                              | true
            """)
    void onlyAMailboxOrDomainThatDoesNotExistRefusedAtRcptSuppresses(String fixture, String recipient,
                                                                    Classification classification, BounceReason reason,
                                                                    SmtpStage stage, String remoteHost,
                                                                    boolean suppresses) {
        var raw = Fixtures.bytes(fixture);
        var message = parser.parse(raw);
        var reports = reports(message, raw);

        assertThat(reports).extracting(r -> r.recipient().value()).contains(recipient);
        var report = reports.stream().filter(r -> r.recipient().value().equals(recipient)).findFirst().orElseThrow();
        var failed = message.recipients().get(reports.indexOf(report));
        var diagnosis = classifier.classify(report.smtpCode(), report.enhancedCode(), report.diagnostic());

        assertThat(diagnosis.classification()).isEqualTo(classification);
        assertThat(diagnosis.reason()).isEqualTo(reason);
        assertThat(failed.stage()).isEqualTo(stage);
        assertThat(failed.remoteMta()).isEqualTo(remoteHost);
        assertThat(failed.reportingMta()).isNotBlank();
        assertThat(diagnosis.classification().isHardBounce() && stage.concernsTheRecipient()).isEqualTo(suppresses);
    }

    /** Each fixture is read by the recogniser of the layout it imitates, picked from the ordered list. */
    @ParameterizedTest(name = "{0} is read as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            activehunter-no-mailbox.eml                       | TransWARE Active!hunter
            activehunter-over-quota.eml                       | TransWARE Active!hunter
            amazonses-dsn-mailbox-full.eml                    | Amazon SES (email) (RFC 3464)
            amazonses-plain-user-unknown.eml                  | Amazon SES (email)
            amazonses-sns-json-bare.eml                       | Amazon SES (SNS notification)
            amazonses-sns-json-envelope.eml                   | Amazon SES (SNS notification)
            amazonses-sns-json-unsubscribe-footer.eml         | Amazon SES (SNS notification)
            amazonworkmail-mailbox-full.eml                   | Amazon WorkMail (RFC 3464)
            amazonworkmail-user-unknown.eml                   | Amazon WorkMail (RFC 3464)
            aol-rate-limited.eml                              | AOL
            aol-user-unknown.eml                              | AOL
            apachejames-no-such-user.eml                      | Apache James
            apachejames-relay-denied.eml                      | Apache James
            awkward-final-recipient-empty-original-recipient.eml  | Postfix (RFC 3464)
            awkward-final-recipient-x400-type.eml                 | Postfix (RFC 3464)
            awkward-html-only-notice.eml                          | mailer daemon
            awkward-no-blank-line-after-headers.eml               | mailer daemon
            awkward-original-recipient-only.eml                   | Postfix (RFC 3464)
            awkward-qp-soft-break-in-address.eml                  | Postfix
            awkward-utf16-text.eml                                | Postfix
            awkward-x-failed-recipients-only.eml                  | mailer daemon
            awkward-utf8-bom-before-headers.eml                   | Postfix
            barracuda-spam.eml                                | Barracuda (RFC 3464)
            barracuda-user-unknown.eml                        | Barracuda (RFC 3464)
            biglobe-mailbox-full.eml                          | BIGLOBE
            biglobe-user-unknown.eml                          | BIGLOBE
            courier-over-quota.eml                            | Courier (RFC 3464)
            courier-user-unknown.eml                          | Courier (RFC 3464)
            docomo-filtered.eml                               | NTT DoCoMo
            docomo-user-unknown.eml                           | NTT DoCoMo
            domino-cannot-route.eml                           | IBM Domino
            domino-user-unknown.eml                           | IBM Domino
            dragonfly-unauthenticated.eml                     | DragonFly Mail Agent
            dsn-delayed.eml                                   | Postfix (RFC 3464)
            dsn-exim-generic-status.eml                       | Exim (RFC 3464)
            dsn-final-recipient-without-domain.eml            | Postfix (RFC 3464)
            dsn-gmail-dmarc.eml                               | Postfix (RFC 3464)
            dsn-gmail.eml                                     | Gmail (RFC 3464)
            dsn-icloud-over-quota.eml                         | Postfix (RFC 3464)
            dsn-message-too-big.eml                           | Postfix (RFC 3464)
            dsn-multiple-recipients.eml                       | Sendmail (RFC 3464)
            dsn-null-mx.eml                                   | Postfix (RFC 3464)
            dsn-office365.eml                                 | Microsoft 365 (RFC 3464)
            dsn-policy-block.eml                              | Sendmail (RFC 3464)
            dsn-rate-limited-delayed.eml                      | Postfix (RFC 3464)
            dsn-sender-rejected.eml                           | Postfix (RFC 3464)
            dsn-status-part-relabelled-text-plain.eml         | Postfix (RFC 3464)
            dsn-spam-detected.eml                             | Postfix (RFC 3464)
            dsn-without-action.eml                            | RFC 3464
            dutch.eml                                         | Dutch
            forwarded-by-postmaster-fw-exchange.eml           | Microsoft Exchange 2007+
            forwarded-apple-quoted-exim-blocklisted.eml       | Exim
            forwarded-attached-postfix-dsn.eml                | Postfix (RFC 3464)
            forwarded-german-html-wg.eml                      | Postfix
            forwarded-inline-gmail-banner.eml                 | Gmail
            forwarded-outlook-original-message.eml            | Microsoft Exchange 2007+
            exchange-2003.eml                                 | Microsoft Exchange 2003
            exchange-ndr-policy.eml                           | Microsoft 365 (RFC 3464)
            exchange-ndr.eml                                  | Microsoft Exchange 2007+
            exchange2003-mailbox-full.eml                     | Microsoft Exchange 2003
            exchange2003-user-unknown.eml                     | Microsoft Exchange 2003
            exchange2007-mailbox-full.eml                     | Microsoft Exchange 2007+
            exchange2007-user-unknown.eml                     | Microsoft Exchange 2007+ (RFC 3464)
            exim-auto-submitted-user-unknown.eml              | Exim
            exim-blacklisted-after-mail-from.eml              | Exim
            exim-content-after-end-of-data.eml                | Exim
            exim-delayed.eml                                  | Exim
            exim-expired.eml                                  | Exim
            exim-gmx.eml                                      | Exim
            exim-percent-hack.eml                             | Exim
            exim-system-error.eml                             | Exim
            exim.eml                                          | Exim
            ezweb-rejected-transcript.eml                     | au EZweb
            ezweb-user-unknown.eml                            | au EZweb
            facebook-policy.eml                               | Facebook (RFC 3464)
            facebook-user-unknown.eml                         | Facebook (RFC 3464)
            fml-not-member.eml                                | fml
            fml-rejected-spammer.eml                          | fml
            french.eml                                        | French
            german.eml                                        | German
            gmail-address-not-found-plain.eml                 | Gmail
            gmail-dsn-missing-start-boundary.eml              | Gmail (RFC 3464)
            gmail-dsn-spam-after-data.eml                     | Gmail (RFC 3464)
            gmx-mailbox-unavailable.eml                       | GMX / WEB.DE
            google-address-not-found.eml                      | Gmail
            google-groups-french.eml                          | Google Groups
            google-groups-not-permitted.eml                   | Google Groups
            google-plain.eml                                  | Gmail
            google-workspace-disabled.eml                     | Gmail (RFC 3464)
            gsuite-delayed.eml                                | Google Workspace (G Suite)
            gsuite-user-unknown.eml                           | Google Workspace (G Suite)
            haraka-relay-denied.eml                           | Postfix (RFC 3464)
            icloud-spam-after-data.eml                        | Apple iCloud (RFC 3464)
            icloud-user-unknown-dsn.eml                       | Apple iCloud (RFC 3464)
            icloud-user-unknown.eml                           | Postfix
            imail-remote-response.eml                         | IMail
            imail-unknown-user.eml                            | IMail
            interscan-rejected-at-data.eml                    | Trend Micro InterScan MSS
            interscan-user-unknown.eml                        | Trend Micro InterScan MSS
            italian.eml                                       | Italian
            kddi-mailbox-full.eml                             | au by KDDI
            kddi-relay-error.eml                              | au by KDDI
            lastresort-angle-address-near-failure-words.eml   | mailer daemon
            lastresort-final-recipient-display-name.eml       | RFC 3464
            lastresort-final-recipient-without-type.eml       | RFC 3464
            lastresort-flattened-final-recipient-without-type.eml | RFC 3464
            lastresort-original-recipient-in-text.eml         | mailer daemon
            lastresort-recipient-after-label.eml              | mailer daemon
            lastresort-returned-to-only.eml                   | mailer daemon
            lastresort-x-failed-recipients-only.eml           | mailer daemon
            lastresort-unknown-user-label.eml                 | mailer daemon
            dsn-status-holds-reply.eml                        | RFC 3464
            mailer-daemon-unbranded-original-to-quoted.eml    | mailer daemon
            mailer-daemon-unbranded-recipient-in-sentence.eml | mailer daemon
            mailgun-blocked.eml                               | Mailgun (RFC 3464)
            mailgun-user-unknown.eml                          | Mailgun (RFC 3464)
            mailmarshal-mailbox-full.eml                      | MailMarshal
            mailmarshal-user-unknown.eml                      | MailMarshal
            mailru-spam.eml                                   | Mail.ru
            mailru-user-unknown.eml                           | Mail.ru
            mandrill-mailbox-full.eml                         | MailChimp / Mandrill (RFC 3464)
            mandrill-user-unknown.eml                         | MailChimp / Mandrill (RFC 3464)
            mcafee-blocked.eml                                | McAfee Email Gateway
            mcafee-user-unknown.eml                           | McAfee Email Gateway
            messagelabs-blocked.eml                           | MessageLabs / Symantec.cloud (RFC 3464)
            messagelabs-user-unknown.eml                      | MessageLabs / Symantec.cloud (RFC 3464)
            messagingserver-plain-mailbox-full.eml            | Oracle / Sun Messaging Server
            messagingserver-user-unknown.eml                  | Oracle / Sun Messaging Server (RFC 3464)
            mfilter-spam-at-data.eml                          | Digital Arts m-FILTER
            mfilter-user-unknown.eml                          | Digital Arts m-FILTER
            mimecast-blocked.eml                              | Mimecast (RFC 3464)
            mimecast-user-unknown.eml                         | Mimecast (RFC 3464)
            mxlogic-blocked.eml                               | MXLogic (McAfee SaaS)
            mxlogic-user-unknown.eml                          | MXLogic (McAfee SaaS)
            notes-hop-count.eml                               | Lotus Notes
            notes-user-unknown.eml                            | Lotus Notes
            office365-banned-sending-ip.eml                   | Microsoft 365
            office365-dsn-disabled.eml                        | Microsoft 365 (RFC 3464)
            office365-recipient-not-found-no-boundary.eml     | Microsoft 365 (RFC 3464)
            outlook-hotmail-blocked.eml                       | Outlook.com / Hotmail (RFC 3464)
            outlook-hotmail-user-unknown.eml                  | Outlook.com / Hotmail (RFC 3464)
            portuguese.eml                                    | Portuguese
            postfix-dsn-helo-rejected.eml                     | Postfix (RFC 3464)
            postfix-dsn-mailbox-full.eml                      | Postfix (RFC 3464)
            postfix-dsn-user-unknown.eml                      | Postfix (RFC 3464)
            postfix-plain-policy-after-mail-from.eml          | Postfix
            postfix-plain-quoted-local-part.eml               | Postfix
            postfix-plain-spam-after-data.eml                 | Postfix
            postfix-plain.eml                                 | Postfix
            postmark-spam.eml                                 | Postmark (RFC 3464)
            postmark-user-unknown.eml                         | Postmark (RFC 3464)
            powermta-bad-mailbox.eml                          | RFC 3464
            proofpoint-blocked.eml                            | Proofpoint (RFC 3464)
            proofpoint-user-unknown.eml                       | Proofpoint (RFC 3464)
            qmail-content-after-data.eml                      | qmail
            qmail-helo-rejected.eml                           | qmail
            qmail-host-not-found.eml                          | qmail
            qmail-sender-rejected.eml                         | qmail
            qmail.eml                                         | qmail
            qmail-does-not-like-recipient-without-reply.eml   | qmail
            qmail-onhold-queue-too-long.eml                   | qmail
            receivingses-mailbox-does-not-exist.eml           | Amazon SES (receiving) (RFC 3464)
            receivingses-message-too-large.eml                | Amazon SES (receiving) (RFC 3464)
            sendgrid-expired.eml                              | SendGrid (RFC 3464)
            sendgrid-user-unknown.eml                         | SendGrid (RFC 3464)
            sendmail-dsn-generic-mailbox-status.eml           | Sendmail (RFC 3464)
            sendmail-dsn-mailbox-full.eml                     | Sendmail (RFC 3464)
            sendmail-dsn-moved.eml                            | Sendmail (RFC 3464)
            sendmail-plain-sender-rejected-at-mail.eml        | Sendmail
            sendmail-plain-spam-after-data.eml                | Sendmail
            sendmail-plain.eml                                | Sendmail
            ses-dsn.eml                                       | Amazon SES (email) (RFC 3464)
            spanish.eml                                       | Spanish
            sparkpost-policy.eml                              | SparkPost (RFC 3464)
            sparkpost-user-unknown.eml                        | SparkPost (RFC 3464)
            trendmicro-spam.eml                               | Trend Micro (RFC 3464)
            trendmicro-user-unknown.eml                       | Trend Micro (RFC 3464)
            v5sendmail-open-relay-refused.eml                 | Sendmail 5
            v5sendmail-user-unknown.eml                       | Sendmail 5
            verizon-no-boundary-parameter.eml                 | Verizon
            verizon-policy.eml                                | Verizon
            webde-rejected-ip.eml                             | GMX / WEB.DE
            x1-mailbox-full.eml                               | unbranded mailer daemon X1
            x1-user-unknown.eml                               | unbranded mailer daemon X1
            x2-no-account.eml                                 | unbranded mailer daemon X2
            x2-over-quota.eml                                 | unbranded mailer daemon X2
            x3-blocked-at-mail.eml                            | unbranded mailer daemon X3
            x3-no-such-user.eml                               | unbranded mailer daemon X3
            x4-qmail-clone-mailbox-full.eml                   | qmail clone (X4)
            x4-qmail-clone-user-unknown.eml                   | qmail clone (X4)
            x5-nested-mailbox-full.eml                        | unbranded mailer daemon X5
            x5-nested-user-unknown.eml                        | unbranded mailer daemon X5
            x6-rejected-at-data.eml                           | unbranded mailer daemon X6
            x6-rejected-recipient.eml                         | unbranded mailer daemon X6
            yahoo-blocked.eml                                 | Yahoo
            yahoo-over-quota.eml                              | Yahoo
            yahoo.eml                                         | Yahoo
            yandex-spam.eml                                   | Yandex (RFC 3464)
            yandex-user-unknown.eml                           | Yandex (RFC 3464)
            zoho-policy.eml                                   | Zoho Mail (RFC 3464)
            zoho-user-unknown.eml                             | Zoho Mail (RFC 3464)
            amavis-blocked-spam.eml                           | amavisd-new (RFC 3464)
            amavis-user-unknown.eml                           | amavisd-new (RFC 3464)
            bigfoot-invalid-recipient.eml                     | Bigfoot
            dragonfly-host-not-found.eml                      | DragonFly Mail Agent
            dragonfly-mailbox-full.eml                        | DragonFly Mail Agent
            einsundeins-message-too-big.eml                   | 1&1 (IONOS)
            einsundeins-user-unknown.eml                      | 1&1 (IONOS)
            mailfoundry-mailbox-full.eml                      | MailFoundry
            mailfoundry-no-such-user.eml                      | MailFoundry
            opensmtpd-mailbox-full.eml                        | OpenSMTPD
            opensmtpd-user-unknown.eml                        | OpenSMTPD
            surfcontrol-blocked.eml                           | SurfControl
            surfcontrol-no-such-user.eml                      | SurfControl
            telekom-quota-exceeded.eml                        | Deutsche Telekom / Smail 3
            telekom-smail-unknown-host.eml                    | Deutsche Telekom / Smail 3
            dsn-base64-delivery-status.eml                    | RFC 3464
            postfix-plain-japanese.eml                        | mailer daemon
            yahoo-mailbox-disabled.eml                        | Yahoo
            exim-after-data-recipient-filter.eml              | Exim
            postfix-report-without-boundary.eml               | Postfix (RFC 3464)
            exchange2010-recipnotfound-text.eml               | Microsoft Exchange 2007+
            dsn-flattened-into-text.eml                       | RFC 3464
            exim-automatically-created-variant.eml            | Exim
            courier-plain-transcript.eml                      | Courier
            mailer-daemon-auto-submitted-recipient-form.eml   | mailer daemon
            mailer-daemon-failed-recipient-form.eml           | mailer daemon
            sendmail-plain-transcript-only.eml                | Sendmail
            domino-not-listed-in-directory.eml                | IBM Domino
            googleworkspace-send-mail-as.eml                  | Google Workspace
            notes-japanese-recipient-in-returned-message.eml  | Lotus Notes
            amazonses-sns-json-base64.eml                     | Amazon SES (SNS notification)
            mailer-daemon-quoted-headers-without-banner.eml   | mailer daemon
            """)
    void eachBounceIsReadByTheRecogniserOfItsLayout(String fixture, String layout) {
        assertThat(parser.parse(Fixtures.bytes(fixture)).layout()).isEqualTo(layout);
    }

    @ParameterizedTest(name = "{0} names {1}")
    @CsvSource(delimiter = '|', textBlock = """
            dsn-exim-generic-status.eml  | m.brown@fabrikam.example, support-desk@fabrikam.example
            dsn-multiple-recipients.eml  | r.ito@tailspin.example, sales@tailspin.example
            exim.eml                     | l.garcia@proseware.example, sales@nonexistent-proseware.example
            exchange-ndr-policy.eml      | purchasing@northwindtraders.example
            google-workspace-disabled.eml | k.nakamura@fabrikam-ws.example
            sendmail-dsn-moved.eml       | g.russo@adventure-works.example
            powermta-bad-mailbox.eml     | r.mehta@tailspin-mail.example
            ses-dsn.eml                  | omar.haddad@margie-travel.example
            haraka-relay-denied.eml      | ana.silva@old-isp.example
            icloud-user-unknown.eml      | lucas.petit@me.example
            exim-gmx.eml                 | jonas.becker@gmx.example
            spanish.eml                  | lucia.gomez@ejemplo-sa.example
            italian.eml                  | marco.bianchi@esempio-srl.example
            portuguese.eml               | joao.souza@exemplo-lda.example
            dutch.eml                    | sanne.devries@voorbeeld-bv.example
            lastresort-angle-address-near-failure-words.eml | piet.kok@juniperhill.example
            lastresort-final-recipient-display-name.eml | ulla.berg@marigold-mail.example
            lastresort-final-recipient-without-type.eml | ivo.marx@sorrelpine.example
            lastresort-flattened-final-recipient-without-type.eml | jana.holm@sorrelpine.example
            lastresort-original-recipient-in-text.eml | hugo.brandt@quillfield.example
            lastresort-recipient-after-label.eml | mira.lund@elderbay.example
            lastresort-returned-to-only.eml | rosa.pike@cloverdale.example
            lastresort-x-failed-recipients-only.eml | otto.vogt@thistle-host.example
            lastresort-unknown-user-label.eml | tove.sand@larkspur-net.example
            dsn-status-holds-reply.eml | wim.blok@primrose-mail.example
            amazonses-sns-json-unsubscribe-footer.eml | lea.marsh@harborview.example
            dsn-status-part-relabelled-text-plain.eml | nell.greer@hawthorn-isp.example
            mailer-daemon-unbranded-original-to-quoted.eml | hugh.lane@hollybrook.example
            mailer-daemon-unbranded-recipient-in-sentence.eml | gale.winter@hollybrook.example
            dsn-final-recipient-without-domain.eml | ella.frost@juniper-isp.example
            exim-percent-hack.eml        | tom%oldbox.example@gateway.example
            google-groups-not-permitted.eml | partners@meadowcoop.example
            office365-recipient-not-found-no-boundary.eml | jonas.kirk@rivertown.example
            verizon-no-boundary-parameter.eml | 5551234567@vtext.example
            v5sendmail-open-relay-refused.eml | ida.mays@oldiron-partner.example
            amazonses-sns-json-envelope.eml | otto.reed@harborview.example
            x5-nested-user-unknown.eml   | abe.lin@tarragon-partner.example
            opensmtpd-user-unknown.eml   | quill.maddox@aspen-mail.example, penn.arlo@aspen-mail.example
            googleworkspace-send-mail-as.eml | quinn.abbott@birchpartners.example
            mailer-daemon-quoted-headers-without-banner.eml | gil.rowan@rowan.example
            notes-japanese-recipient-in-returned-message.eml | haru.mori@kaede.example
            """)
    void eachBounceNamesExactlyItsFailedRecipients(String fixture, String recipients) {
        assertThat(reports(fixture)).extracting(r -> r.recipient().value())
                .containsExactly(recipients.split(",\\s*"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            auto-reply-out-of-office.eml | AUTO_REPLY
            auto-reply-vacation.eml      | AUTO_REPLY
            auto-reply-german.eml        | AUTO_REPLY
            forwarded-ordinary-mail.eml  | ORDINARY_MAIL
            challenge-response.eml       | CHALLENGE_RESPONSE
            arf-feedback-report.eml      | FEEDBACK_REPORT
            read-receipt.eml             | READ_RECEIPT
            dsn-delivered.eml            | DELIVERY_SUCCESS
            amazonses-sns-json-complaint.eml | FEEDBACK_REPORT
            """)
    void autoRepliesFeedbackReportsAndReceiptsAreNeverBounces(String fixture, MessageKind kind) {
        assertThatThrownBy(() -> parser.parse(Fixtures.bytes(fixture)))
                .isInstanceOfSatisfying(NotABounceException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    private List<BounceReport> reports(String fixture) {
        var raw = Fixtures.bytes(fixture);
        return reports(parser.parse(raw), raw);
    }

    private static List<BounceReport> reports(BounceMessage message, byte[] raw) {
        var submissions = DsnSubmissions.of(message, new String(raw, StandardCharsets.UTF_8),
                Instant.parse("2026-11-23T14:00:00Z"), Duration.ofHours(1));
        return submissions.stream().map(s -> ((Submission.Valid) s).report()).toList();
    }
}
