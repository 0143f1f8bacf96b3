;;; efp.el --- efp's language server in Emacs through Eglot  -*- lexical-binding: t -*-
;; Eglot is built into Emacs 29 and later; on Emacs 26.3 to 28, install it first (M-x package-install
;; RET eglot, or Debian's elpa-eglot). `efp' is the command `npm install --global @efp-lang/efp' puts
;; on the PATH. Load this file from your init file, or paste it there.

(defvar efp-mode-syntax-table
  (let ((table (make-syntax-table)))
    (modify-syntax-entry ?/ ". 124b" table)  ; // a line comment, /* a block comment */
    (modify-syntax-entry ?* ". 23" table)
    (modify-syntax-entry ?\n "> b" table)
    table))

(define-derived-mode efp-mode prog-mode "efp"
  "Major mode for efp footprint models (.efp files)."
  (setq-local comment-start "// ")
  (setq-local comment-end "")
  (setq-local font-lock-defaults '(nil)))

(add-to-list 'auto-mode-alist '("\\.efp\\'" . efp-mode))

(with-eval-after-load 'eglot
  ;; to read files outside the project: ("efp" "lsp" "--stdio" :initializationOptions
  ;;   (:filePolicy (:allowOutsideWorkspace t)))
  (add-to-list 'eglot-server-programs '(efp-mode "efp" "lsp" "--stdio")))

(add-hook 'efp-mode-hook #'eglot-ensure)
