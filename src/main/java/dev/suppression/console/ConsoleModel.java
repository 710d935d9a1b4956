package dev.suppression.console;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page shows in its header: who is signed in. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    @ModelAttribute("operator")
    @Nullable ConsoleOperator currentOperator() {
        return operator();
    }

    static @Nullable ConsoleOperator operator() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ConsoleOperator operator
                ? operator : null;
    }

    /** The signed-in operator of a page the security rules let through only when someone is signed in. */
    static ConsoleOperator signedIn() {
        var operator = operator();
        if (operator == null) {
            throw new IllegalStateException("a console page behind sign-in ran without a signed-in operator");
        }
        return operator;
    }
}
