package dev.suppression.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Signing in and out, and the page a refused request lands on. */
@Controller
class SignInPage {

    /** The session attribute holding why the last sign-in was refused, shown once. */
    static final String REFUSAL = SignInPage.class.getName() + ".refusal";

    @GetMapping(ConsolePaths.HOME)
    String home() {
        return "redirect:" + ConsolePaths.ADDRESS;
    }

    @GetMapping(ConsolePaths.SIGN_IN)
    String signIn(HttpSession session, Model model,
                  @RequestParam(name = "signed-out", required = false) @Nullable String signedOut,
                  @RequestParam(required = false) @Nullable String revoked) {
        var refusal = session.getAttribute(REFUSAL);
        session.removeAttribute(REFUSAL);
        model.addAttribute("refusal", refusal);
        model.addAttribute("notice", signedOut != null ? "You are signed out."
                : revoked != null ? "Your session ended: the key you signed in with was revoked or has expired." : null);
        return "console/sign-in";
    }

    /** Reached by a forward from the access-denied handler, with the response status already 403. */
    @RequestMapping(ConsolePaths.DENIED)
    String denied(HttpServletRequest request, Model model) {
        var cause = request.getAttribute(WebAttributes.ACCESS_DENIED_403);
        var operator = ConsoleModel.operator();
        String message;
        if (cause instanceof CsrfException) {
            message = "Nothing was changed: this form did not come from a console page of your session (its CSRF "
                    + "token is missing or out of date). Reload the page and send the form again.";
        } else if (operator != null && !operator.isAdmin()) {
            message = "This page needs a key with the admin role; you signed in with '" + operator.keyName()
                    + "', which has not got it.";
        } else {
            message = "This request is not allowed.";
        }
        model.addAttribute("message", message);
        return "console/denied";
    }
}
