package org.custodia.billing.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.billing.internal.BillingViews.*;
import org.custodia.common.ApiException;
import org.custodia.common.ConsoleForm;
import org.custodia.identity.Allowed;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Permission;
import org.custodia.identity.Users;
import org.custodia.web.ConsolePage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console pages of billing: invoices with the charts of revenue per month and cost coverage (figures in tables
 * beside them), the invoice with its lines, reconciliation upload and result, disputes and payments, the statement.
 */
@Controller
@ConsolePage
class BillingConsoleController {

    private final BillingService service;
    private final InvoiceFormats formats;
    private final Users users;

    BillingConsoleController(BillingService service, InvoiceFormats formats, Users users) {
        this.service = service;
        this.formats = formats;
        this.users = users;
    }

    /** Invoices per page of the list (one per agreement and month: two years of one agreement). */
    static final int PAGE_SIZE = 24;

    @GetMapping("/billing/invoices")
    @Allowed(Permission.INVOICE_READ)
    String invoices(@RequestParam(required = false) Integer year, @RequestParam(required = false) String agreement,
                    @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser me = users.requireCurrent();
        BillingService.InvoicePage invoices = service.page(agreement, me, page, PAGE_SIZE);
        model.addAttribute("invoices", invoices.items());
        model.addAttribute("invoicePage", invoices);
        model.addAttribute("agreementFilter", agreement);
        model.addAttribute("canRun", me.can(Permission.BILLING_RUN));
        model.addAttribute("agreements", service.visibleAgreements(me));
        if (me.can(Permission.SUSTAINABILITY_READ)) {
            int y = year != null ? year : LocalDate.now().minusMonths(1).getYear();
            model.addAttribute("report", service.sustainability(y, me));
        }
        return "billing/invoices";
    }

    /** Starts the month's run for an agreement; running it again shows the same invoice. */
    @PostMapping("/billing/runs")
    @Allowed(Permission.BILLING_RUN)
    String run(@RequestParam Map<String, String> form, RedirectAttributes flash) {
        try {
            BillingService.RunOutcome outcome = service.run(new RunRequest(ConsoleForm.text(form.get("agreementCode")),
                    ConsoleForm.text(form.get("period"))), users.requireCurrent());
            flash.addFlashAttribute("ran", outcome.created() ? "billing.run.created" : "billing.run.existing");
            return "redirect:/billing/invoices/" + outcome.invoice().number();
        } catch (ApiException e) {
            flash.addFlashAttribute("runForm", ConsoleForm.refused("run", form, e, Map.of(), "period"));
            return "redirect:/billing/invoices#run";
        }
    }

    /** An invoice of 40,000 prisoners has 41,000 lines: the page shows them 200 at a time. */
    static final int LINES_PER_PAGE = 200;

    @GetMapping("/billing/invoices/{number}")
    @Allowed(Permission.INVOICE_READ)
    String invoice(@PathVariable String number, @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser me = users.requireCurrent();
        model.addAttribute("invoice", service.head(number, me));
        BillingViews.LinePage lines = service.lines(number, Math.max(0, page), LINES_PER_PAGE, me);
        model.addAttribute("lines", lines);
        model.addAttribute("lastPage", Math.max(0, (lines.totalLines() - 1) / LINES_PER_PAGE));
        model.addAttribute("payments", service.payments(number, me));
        model.addAttribute("disputes", service.disputes(null, null, number, me));
        model.addAttribute("reconciliation", service.latestReconciliation(number, me));
        model.addAttribute("canDispute", me.can(Permission.DISPUTE_RAISE));
        model.addAttribute("canReconcile", me.can(Permission.RECONCILIATION_SUBMIT));
        model.addAttribute("canResolve", me.can(Permission.DISPUTE_RESOLVE));
        model.addAttribute("canPay", me.can(Permission.PAYMENT_RECORD));
        return "billing/invoice";
    }

    @PostMapping("/billing/invoices/{number}/reconciliation")
    @Allowed(Permission.RECONCILIATION_SUBMIT)
    String reconcile(@PathVariable String number, @RequestParam("roster") MultipartFile roster, RedirectAttributes flash)
            throws IOException {
        String csv = new String(roster.getBytes(), StandardCharsets.UTF_8);
        return act(number, "reconciliation", Map.of(), flash, () -> service.reconcile(number, new Roster(formats.roster(csv)), users.requireCurrent()));
    }

    @PostMapping("/billing/invoices/{number}/lines/{line}/disputes")
    @Allowed(Permission.DISPUTE_RAISE)
    String dispute(@PathVariable String number, @PathVariable int line, @RequestParam String reason,
                   RedirectAttributes flash) {
        return act(number, "dispute-" + line, Map.of("reason", reason), flash, () -> service.dispute(number, line, new DisputeRequest(reason), users.requireCurrent()));
    }

    @PostMapping("/billing/disputes/{id}/resolution")
    @Allowed(Permission.DISPUTE_RESOLVE)
    String resolve(@PathVariable UUID id, @RequestParam String invoice, @RequestParam String outcome,
                   @RequestParam String reason, @RequestParam(required = false) String credit, RedirectAttributes flash) {
        Map<String, String> typed = new java.util.LinkedHashMap<>();
        typed.put("outcome", outcome);
        typed.put("reason", reason);
        typed.put("credit", credit == null ? "" : credit);
        return act(invoice, "resolve-" + id, typed, flash, () -> service.resolve(id, new ResolutionRequest(outcome, reason,
                credit == null || credit.isBlank() ? null : credit), users.requireCurrent()));
    }

    @PostMapping("/billing/invoices/{number}/payments")
    @Allowed(Permission.PAYMENT_RECORD)
    String pay(@PathVariable String number, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        return act(number, "payment", form, flash, () -> service.pay(number, new PaymentRequest(
                ConsoleForm.text(form.get("amount")), ConsoleForm.date(form.get("paidOn"), "paidOn"),
                ConsoleForm.text(form.get("reference"))), users.requireCurrent()));
    }

    @GetMapping("/billing/disputes")
    @Allowed(Permission.INVOICE_READ)
    String disputes(@RequestParam(required = false) String status, Model model) {
        model.addAttribute("disputes", service.disputes(null, status, null, users.requireCurrent()));
        model.addAttribute("status", status);
        return "billing/disputes";
    }

    @GetMapping("/billing/statement")
    @Allowed(Permission.INVOICE_READ)
    String statement(@RequestParam String agreement, @RequestParam(required = false) LocalDate asOf, Model model) {
        model.addAttribute("statement", service.statement(agreement, asOf, users.requireCurrent()));
        return "billing/statement";
    }

    /** Runs a change of the invoice; refused, the page shows the same form with what was typed and why. */
    private String act(String number, String formId, Map<String, String> form, RedirectAttributes flash,
                       Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("done", true);
        } catch (ApiException e) {
            flash.addFlashAttribute("billingForm", ConsoleForm.refused(formId, form, e, Map.of(), null));
        }
        return "redirect:/billing/invoices/" + number;
    }

}
