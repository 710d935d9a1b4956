// The console's only script: conveniences on pages that work without it. A button with data-copy="<id>" copies
// that element's text; it stays hidden where scripts do not run, and the text can still be selected by hand.
"use strict";
document.querySelectorAll("button[data-copy]").forEach((button) => {
    const source = document.getElementById(button.dataset.copy);
    const status = document.getElementById("copy-status");
    const say = (text) => { if (status) { status.textContent = text; } };
    button.hidden = false;
    button.addEventListener("click", async () => {
        const text = source.value !== undefined ? source.value : source.textContent;
        try {
            await navigator.clipboard.writeText(text);
            say("Copied to the clipboard.");
        } catch (clipboardRefused) {
            // Older browsers, or a page not served over HTTPS or from localhost: select it for Ctrl+C instead.
            source.focus();
            source.select();
            say(document.execCommand("copy") ? "Copied to the clipboard." : "Selected: press Ctrl+C to copy.");
        }
    });
});
