/** Jest: unit and integration tests under tests/ (e2e has its own runner). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/tests/e2e/"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      { tsconfig: { module: "commonjs", jsx: "react-jsx", isolatedModules: true } },
    ],
  },
  setupFiles: ["<rootDir>/tests/setup/customFunctions.ts", "<rootDir>/tests/setup/dom.ts"],
  moduleNameMapper: {
    // office-addin-mock imports office-addin-manifest, whose dependencies are ESM-only.
    "^office-addin-manifest$": "<rootDir>/tests/setup/officeAddinManifestStub.ts",
    "\\.(css)$": "<rootDir>/tests/setup/styleStub.ts",
  },
  testTimeout: 60000,
};
