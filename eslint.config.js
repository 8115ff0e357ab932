// The UI's lint: TypeScript's recommended rules and the rules of hooks. Run by
// scripts/test.sh (`npm run lint`); warnings fail it.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  { ignores: ["ui/dist/**", "ui/src/bindings/**", "ui/src/ipc/commands.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["ui/src/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      // `const { id: _id, ...rest } = x` leaves out fields on purpose.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { varsIgnorePattern: "^_", argsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
);
