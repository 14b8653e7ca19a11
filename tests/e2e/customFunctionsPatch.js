/**
 * Browser script appended to office.js in tests and the preview. Outside Excel, office.js
 * replaces window.CustomFunctions with an object that can register functions but lacks the
 * Error class and error codes that Excel's custom-functions runtime supplies; this adds them,
 * with Excel's codes, so the bundle's functions throw what they would throw in Excel.
 */
(function () {
  var cf = window.CustomFunctions || (window.CustomFunctions = {});
  if (!cf.ErrorCode) {
    cf.ErrorCode = {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    };
  }
  if (typeof cf.Error !== "function") {
    cf.Error = class CustomFunctionsError extends Error {
      constructor(code, message) {
        super(message || code);
        this.code = code;
        this.message = message || "";
      }
    };
  }
})();
