namespace ApiTools.Errors;

internal static class ApiExceptionExtensions
{
    /// <summary>Fills the response facts into an exception made by an error mapper.</summary>
    public static ApiException With(this ApiException error, int status, string? code, ApiRequest request)
    {
        error.StatusCode = status;
        error.ErrorCode = code;
        error.Method = request.Method.Method;
        error.Path = request.ShownPath;
        return error;
    }
}
